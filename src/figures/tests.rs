//! The expression table: written expressions with the figure each must
//! give, and texts that must give none.

use super::*;

/// (sentence, the figure's text, value in base units, canonical unit).
const TABLE: &[(&str, &str, f64, &str)] = &[
    // Digits, separators, decimals.
    ("직원 1,200명이 일한다", "1,200명", 1200.0, "명"),
    ("직원 1200명이 일한다", "1200명", 1200.0, "명"),
    ("12,345,678원을 썼다", "12,345,678원", 12_345_678.0, "원"),
    ("금리는 3.25%다", "3.25%", 3.25, "%"),
    ("0.5%에 그쳤다", "0.5%", 0.5, "%"),
    ("100퍼센트 환불", "100퍼센트", 100.0, "%"),
    ("전체의 45％를 차지", "45％", 45.0, "%"),
    // Points and multiples.
    ("실업률이 0.3%p 올랐다", "0.3%p", 0.3, "%p"),
    ("점유율이 2%포인트 낮아졌다", "2%포인트", 2.0, "%p"),
    ("5퍼센트포인트 격차", "5퍼센트포인트", 5.0, "%p"),
    ("기준금리를 25bp 인상", "25bp", 25.0, "bp"),
    ("코스피가 30포인트 하락했다", "30포인트", 30.0, "포인트"),
    ("생산성이 3배로 뛰었다", "3배", 3.0, "배"),
    ("1.5배 많은 물량", "1.5배", 1.5, "배"),
    // Korean magnitudes.
    ("매출 1조2천억원을 기록", "1조2천억원", 1.2e12, "원"),
    ("3천500억 달러 규모", "3천500억 달러", 3.5e11, "달러"),
    ("1만2000명이 참가", "1만2000명", 12_000.0, "명"),
    ("0.5조 원을 투입", "0.5조 원", 0.5e12, "원"),
    ("2억 5000만 원에 팔렸다", "2억 5000만 원", 2.5e8, "원"),
    ("21억 달러를 기록", "21억 달러", 2.1e9, "달러"),
    ("5천만 원 대출", "5천만 원", 5e7, "원"),
    ("천억 원을 넘겼다", "천억 원", 1e11, "원"),
    ("백만 명이 봤다", "백만 명", 1e6, "명"),
    ("1조 원 투자", "1조 원", 1e12, "원"),
    ("12조3456억원 예산", "12조3456억원", 12.3456e12, "원"),
    ("3만 가구가 입주", "3만 가구", 3e4, "가구"),
    ("10만 배럴 감산", "10만 배럴", 1e5, "배럴"),
    ("40억 위안 투자", "40억 위안", 4e9, "위안"),
    ("500억 엔 규모", "500억 엔", 5e10, "엔"),
    ("2천만 유로 계약", "2천만 유로", 2e7, "유로"),
    ("1,500억원의 적자", "1,500억원", 1.5e11, "원"),
    ("4.5만 명 고용", "4.5만 명", 4.5e4, "명"),
    ("인구 5천만", "5천만", 5e7, ""),
    ("시가총액 300조", "300조", 3e14, ""),
    ("2조5천억 원", "2조5천억 원", 2.5e12, "원"),
    ("5백만 달러", "5백만 달러", 5e6, "달러"),
    // Hangul number words.
    ("매출이 두 배로 늘었다", "두 배", 2.0, "배"),
    ("세 곳에 공장을 짓는다", "세 곳", 3.0, "곳"),
    ("한 달 만에 반등", "한 달", 1.0, "개월"),
    ("다섯 명이 퇴사", "다섯 명", 5.0, "명"),
    ("열두 개 업체", "열두 개", 12.0, "개"),
    ("네 차례 인상", "네 차례", 4.0, "번"),
    ("두배 가까이", "두배", 2.0, "배"),
    ("스무 곳이 참여", "스무 곳", 20.0, "곳"),
    ("일곱 가지 조건", "일곱 가지", 7.0, "가지"),
    ("한 해 동안", "한 해", 1.0, "년"),
    // Currencies and counters.
    ("1000원짜리 커피", "1000원", 1000.0, "원"),
    ("3달러에 팔린다", "3달러", 3.0, "달러"),
    ("신규 점포 15개를 연다", "15개", 15.0, "개"),
    ("민원 320건이 접수", "320건", 320.0, "건"),
    ("전기차 5만대 판매", "5만대", 5e4, "대"),
    ("전국 40곳에서", "40곳", 40.0, "곳"),
    ("철강 200만 톤", "200만 톤", 2e6, "톤"),
    ("원유 50배럴", "50배럴", 50.0, "배럴"),
    ("1200가구 공급", "1200가구", 1200.0, "가구"),
    ("6개월 만에 최고", "6개월", 6.0, "개월"),
    ("3년 동안 투자", "3년", 3.0, "년"),
    ("5년간 투자했다", "5년", 5.0, "년"),
    ("30일간 이어진 파업", "30일", 30.0, "일"),
    ("100일 만에", "100일", 100.0, "일"),
    ("20개국에 수출", "20개국", 20.0, "개국"),
    ("협력사 300개사", "300개사", 300.0, "개사"),
    ("주식 100만 주를 매입", "100만 주", 1e6, "주"),
    ("1500회 시험", "1500회", 1500.0, "회"),
    ("선박 12척 수주", "12척", 12.0, "척"),
    ("아파트 300채", "300채", 300.0, "채"),
    ("84평 규모", "84평", 84.0, "평"),
    // Latin units.
    ("원전 1.4GW 설비", "1.4GW", 1.4, "GW"),
    ("태양광 300MW", "300MW", 300.0, "MW"),
    ("3nm 공정", "3nm", 3.0, "nm"),
    ("주행거리 500km", "500km", 500.0, "km"),
    ("배터리 100kWh", "100kWh", 100.0, "kWh"),
    ("16GB 메모리", "16GB", 16.0, "GB"),
    ("20kg 감량", "20kg", 20.0, "kg"),
    ("전용 84㎡", "84㎡", 84.0, "㎡"),
    // Approximations (flag checked below).
    ("약 200명이 모였다", "200명", 200.0, "명"),
    ("300여 명이 참석", "300여 명", 300.0, "명"),
    ("1만여 가구", "1만여 가구", 1e4, "가구"),
    ("50억 원 가량", "50억 원", 5e9, "원"),
    ("20% 이상 증가", "20%", 20.0, "%"),
    ("3조 원 안팎", "3조 원", 3e12, "원"),
    ("100명 남짓", "100명", 100.0, "명"),
    ("대략 40%", "40%", 40.0, "%"),
    // In the middle of words and punctuation.
    ("매출(1조원)이", "1조원", 1e12, "원"),
    ("'5%'라는 숫자", "5%", 5.0, "%"),
    ("수출액은3억달러였다", "3억달러", 3e8, "달러"),
];

fn only(text: &str) -> Figure {
    let found = figures(text);
    assert_eq!(found.len(), 1, "{text}: {found:#?}");
    found.into_iter().next().expect("one figure")
}

#[test]
fn the_table_parses_to_its_values() {
    assert!(TABLE.len() >= 80, "{} expressions", TABLE.len());
    for &(text, written, value, unit) in TABLE {
        let f = only(text);
        assert_eq!(&text[f.span.clone()], written, "{text}");
        assert!(
            (f.value - value).abs() <= value.abs() * 1e-12,
            "{text}: {} != {value}",
            f.value
        );
        assert_eq!(f.unit, unit, "{text}");
    }
}

#[test]
fn approximation_words_set_approx() {
    for text in [
        "약 200명이 모였다",
        "300여 명이 참석",
        "1만여 가구",
        "50억 원 가량",
        "20% 이상 증가",
        "3조 원 안팎",
        "100명 남짓",
        "대략 40%",
        "200명 수준",
    ] {
        assert!(only(text).approx, "{text}");
    }
    for text in ["200명", "약정 200명", "3조 원"] {
        assert!(!only(text).approx, "{text}");
    }
}

#[test]
fn ranges_have_bounds() {
    for (text, written, lo, hi, unit) in [
        ("200~300명", "200~300명", 200.0, 300.0, "명"),
        ("200명~300명이", "200명~300명", 200.0, 300.0, "명"),
        ("2~3억 원", "2~3억 원", 2e8, 3e8, "원"),
        ("3∼4% 성장", "3∼4%", 3.0, 4.0, "%"),
        ("1만~2만 가구", "1만~2만 가구", 1e4, 2e4, "가구"),
    ] {
        let f = only(text);
        assert_eq!(&text[f.span.clone()], written, "{text}");
        assert_eq!(f.bounds, Some((lo, hi)), "{text}");
        assert_eq!(f.value, lo, "{text}");
        assert_eq!(f.unit, unit, "{text}");
    }
}

#[test]
fn dates_times_and_bare_numbers_are_not_figures() {
    for text in [
        "13일 발표했다",
        "2023.07.13 16:07",
        "2023-07-13",
        "2024년에 시작한다",
        "2024년 3월 13일",
        "23년 3월",
        "하반기 전망",
        "3분기 실적",
        "7월 1일부터",
        "지난 13일",
        "2026년도 예산",
        "갤럭시 S24 출시",
        "A380 항공기",
        "https://news.example.com/2026/11/19/a-100",
        "제3조에 따라",
        "한국 경제",
        "세대 교체",
        "두 번째 회의",
        "천연가스 백화점",
        "3개발 단계",
        "원화 강세",
        "숫자 2024와 3.5",
        "1~2분기",
        "010-1234-5678",
        "오후 3시 30분",
    ] {
        let found = figures(text);
        assert!(found.is_empty(), "{text}: {found:#?}");
    }
}

#[test]
fn changes_in_a_sentence() {
    let text = "지난해 200명 수준에서 500명 수준으로 늘렸다.";
    let found = figures(text);
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].change_from_of, Some(1));
    let c = found[1].change.clone().expect("a change");
    assert_eq!(
        (c.from, c.to, c.delta, c.direction),
        (Some(200.0), Some(500.0), Some(300.0), Direction::Up)
    );
    assert_eq!(c.ratio, Some(2.5));

    let found = figures("북미 비중 48% → 55%로 확대");
    let c = found[1].change.clone().expect("a change");
    assert_eq!(c.delta, Some(7.0));

    let found = figures("가격이 1만원에서 8000원으로 내렸다");
    let c = found[1].change.clone().expect("a change");
    assert_eq!(c.direction, Direction::Down);
    assert_eq!(c.delta, Some(-2000.0));

    let found = figures("2에서 3억 원으로 늘었다");
    assert_eq!(found[0].value, 2e8);
    assert_eq!(found[0].unit, "원");
    assert!(found[0].unit_span.is_none());

    for (text, direction, delta, ratio) in [
        ("매출이 18% 늘었다", Direction::Up, None, Some(1.18)),
        ("수요가 18% 감소했다", Direction::Down, None, Some(0.82)),
        ("인력이 300명 줄었다", Direction::Down, Some(-300.0), None),
        ("점유율이 7%p 확대됐다", Direction::Up, Some(7.0), None),
        ("생산이 두 배 늘었다", Direction::Up, None, Some(2.0)),
        ("수출이 20% 이상 증가", Direction::Up, None, Some(1.2)),
    ] {
        let f = only(text);
        let c = f.change.expect(text);
        assert_eq!(c.direction, direction, "{text}");
        assert_eq!(c.delta, delta, "{text}");
        let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-9,
            (a, b) => a == b,
        };
        assert!(close(c.ratio, ratio), "{text}: {:?}", c.ratio);
    }
    // A duration is no change: `12주 연속 내렸다` says how long.
    let found = figures("가격이 0.05% 하락하며 12주 연속 내렸다");
    assert_eq!(
        found[0].change.as_ref().map(|c| c.direction),
        Some(Direction::Down)
    );
    assert!(found[1].change.is_none());
    let parts = format::change_parts(
        found[0].change.as_ref().expect("a change"),
        "%",
        crate::i18n::Locale::Ko,
        false,
    );
    assert_eq!(parts, ["-0.05%"]);
    // A change word belongs to the figure right before it.
    let found = figures("12.4% 늘어난 21억 달러를 기록했다");
    assert!(found[0].change.is_some());
    assert!(found[1].change.is_none());
}

#[test]
fn hover_text_normalises() {
    let text = "1조2천억원";
    let f = figures(text);
    assert_eq!(
        format::hover(text, &f, 0, crate::i18n::Locale::Ko),
        "1조2천억원 = 1,200,000,000,000원 (1.2조 원)"
    );
    assert_eq!(
        format::hover(text, &f, 0, crate::i18n::Locale::En),
        "1조2천억원 = 1,200,000,000,000원 (1.2 trillion 원)"
    );
    let text = "지난해 200명에서 500명으로 늘었다";
    let f = figures(text);
    let h = format::hover(text, &f, 1, crate::i18n::Locale::Ko);
    assert!(h.contains("200명 → 500명: +300명, 2.5배, +150%"), "{h}");
    assert_eq!(
        h,
        format::hover(text, &f, 0, crate::i18n::Locale::Ko)
            .replace("200명 = 200명", "500명 = 500명")
    );
}

#[test]
fn tokens_split_number_and_unit() {
    let text = "매출 21억 달러, 200~300명";
    let f = figures(text);
    let t = tokens::tokens(text, &f);
    let got: Vec<(&str, tokens::TokenKind)> =
        t.iter().map(|t| (&text[t.span.clone()], t.kind)).collect();
    use tokens::TokenKind::{Number, Unit};
    assert_eq!(
        got,
        [
            ("21억", Number),
            ("달러", Unit),
            ("200~300", Number),
            ("명", Unit)
        ]
    );
}

#[test]
fn spans_in_a_section_are_absolute() {
    let text = "## 본문\n매출 3조원";
    let f = figures_in(text, 9..text.len());
    assert_eq!(&text[f[0].span.clone()], "3조원");
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Text made of the pieces figures are made of, so that the generator
    /// reaches the parser's corners (magnitudes, units, ranges, changes).
    fn pieces() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("1".to_string()),
            Just("2,000".to_string()),
            Just("3.5".to_string()),
            Just("조".to_string()),
            Just("억".to_string()),
            Just("만".to_string()),
            Just("천".to_string()),
            Just("원".to_string()),
            Just("명".to_string()),
            Just("%".to_string()),
            Just("p".to_string()),
            Just("~".to_string()),
            Just("에서 ".to_string()),
            Just("으로 ".to_string()),
            Just("→".to_string()),
            Just(" ".to_string()),
            Just("늘었다. ".to_string()),
            Just("두 배".to_string()),
            Just("여".to_string()),
            Just("약 ".to_string()),
            Just("\n".to_string()),
            Just("😀".to_string()),
            Just("+".to_string()),
            Just("년".to_string()),
            Just("일".to_string()),
            "\\PC{0,3}",
        ];
        proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
    }

    fn check_spans(text: &str) {
        let found = figures(text);
        for f in &found {
            for s in [
                Some(&f.span),
                Some(&f.number),
                f.unit_span.as_ref(),
                Some(&f.sentence),
            ]
            .into_iter()
            .flatten()
            {
                assert!(s.start <= s.end && s.end <= text.len(), "{s:?} in {text:?}");
                assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
            assert!(f.value.is_finite());
        }
        for t in tokens::tokens(text, &found) {
            assert!(text.get(t.span.clone()).is_some());
        }
        for i in 0..found.len() {
            let _ = format::hover(text, &found, i, crate::i18n::Locale::Ko);
        }
        let _ = draft::draft(text, &found, crate::i18n::Locale::En);
    }

    proptest! {
        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
            check_spans(&text);
        }

        #[test]
        fn figure_like_text_keeps_spans_inside(text in pieces()) {
            check_spans(&text);
        }
    }
}

#[test]
fn huge_numbers_are_no_figures() {
    let text = format!("{}조 원", "9".repeat(400));
    assert!(figures(&text).iter().all(|f| f.value.is_finite()));
}
