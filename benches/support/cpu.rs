//! This thread's CPU time, for benchmarks on a shared machine: the wall
//! clock also counts the time other processes held the cores, which says
//! nothing about the code. `CLOCK_THREAD_CPUTIME_ID` is exact to the
//! nanosecond; `/proc/thread-self/schedstat` is only brought up to date at
//! scheduler ticks (4 ms here), too coarse for sub-millisecond calls.

use std::time::Duration;

/// Time this thread has run on a CPU.
pub fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; the clock id is a
    // constant the kernel knows.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return Duration::ZERO;
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}
