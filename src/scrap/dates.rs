//! Dates, with `jiff`: the day a scrap is written on, in the user's time
//! zone, and what counts as a date in the front matter.
//!
//! "Today" depends on where the user is: at 08:00 in Seoul it is still the
//! previous day in UTC. The zone is the configuration's `timezone`, else the
//! system's (which honours `TZ`). [`day_at`] is the pure rule;
//! [`crate::scrap::config::Config::today`] applies it to the clock.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

/// Environment variable that fixes the clock (an RFC 3339 instant such as
/// `2026-11-21T23:30:00Z`), so tests can drive the real binary at a chosen
/// moment. Unset or unreadable: the system clock.
pub const NOW_VAR: &str = "SCRAPLS_NOW";

/// The current instant (see [`NOW_VAR`]).
pub fn now() -> Timestamp {
    std::env::var(NOW_VAR)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(Timestamp::now)
}

/// The calendar day `instant` falls on in `zone`, as `YYYY-MM-DD`.
pub fn day_at(instant: Timestamp, zone: &TimeZone) -> String {
    instant.to_zoned(zone.clone()).date().to_string()
}

/// Whether `value` is an ISO 8601 date that exists on the calendar
/// (`2026-11-22`; not `2026-13-45` nor `2026-02-31`), optionally followed by
/// a time (`2026-11-19T09:30:00+09:00`).
pub fn is_iso_date(value: &str) -> bool {
    let Some(day) = value.get(..10) else {
        return false;
    };
    let is_day = day.as_bytes()[4] == b'-'
        && day.as_bytes()[7] == b'-'
        && Date::strptime("%Y-%m-%d", day).is_ok();
    if !is_day {
        return false;
    }
    value.len() == 10 || value.parse::<DateTime>().is_ok() || value.parse::<Timestamp>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_is_the_day_in_the_zone() {
        // 23:30 UTC on 21 November is 08:30 on 22 November in Seoul.
        let instant: Timestamp = "2026-11-21T23:30:00Z".parse().unwrap();
        let seoul = TimeZone::get("Asia/Seoul").unwrap();
        assert_eq!(day_at(instant, &seoul), "2026-11-22");
        assert_eq!(day_at(instant, &TimeZone::UTC), "2026-11-21");
        // Year boundaries and leap days come from the calendar, not arithmetic.
        let instant: Timestamp = "2028-02-28T15:00:00Z".parse().unwrap();
        assert_eq!(day_at(instant, &seoul), "2028-02-29");
    }

    #[test]
    fn only_calendar_dates() {
        for ok in [
            "2026-11-22",
            "2028-02-29",
            "2026-11-19T09:30:00+09:00",
            "2026-11-19T09:30:00Z",
            "2026-11-19T09:30:00.123+09:00",
            "2026-11-19 09:30",
            "2026-11-19T09:30:00",
        ] {
            assert!(is_iso_date(ok), "{ok}");
        }
        for bad in [
            "2026-13-45",
            "2026-02-31",
            "2027-02-29",
            "2026-00-10",
            "20261122",
            "2026/11/22",
            "2026-11-2",
            "2026-11-22T25:00",
            "2026-11-22 오전 9시",
            "어제",
            "",
            "２０２６-11-22",
        ] {
            assert!(!is_iso_date(bad), "{bad}");
        }
    }
}
