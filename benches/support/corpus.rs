//! A deterministic generator of realistic scraps for the benchmarks.
//!
//! The sentences are assembled from the project's own phrase pools (no seed
//! text): Korean economic-news prose with figures, English tickers, URLs,
//! front matter, `###` sub-headings inside the body, lists and the odd
//! defect (a missing section, an empty one, a typo in a heading), so that
//! parsing and validation walk the same paths they walk on real scraps and
//! the server publishes a few diagnostics for every version.

/// A small xorshift generator: benchmarks need the same corpus on every run
/// and machine, not statistical quality.
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next value in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        (x % n as u64) as usize
    }

    /// One element of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SUBJECTS: &[&str] = &[
    "반도체 수출",
    "2차전지 소재 기업",
    "국내 조선사",
    "시중은행 가계대출",
    "온라인 유통업계",
    "K-푸드 수출",
    "중견 건설사",
    "항공 화물 운임",
    "원·달러 환율",
    "AI 데이터센터 투자",
    "제약·바이오 기술수출",
    "편의점 업계",
];
const VERBS: &[&str] = &[
    "전년 같은 기간보다 크게 늘었다",
    "석 달 만에 반등했다",
    "시장 예상치를 밑돌았다",
    "사상 최대치를 기록했다",
    "두 분기 연속 감소했다",
    "증가세로 돌아섰다",
    "당분간 횡보할 것으로 보인다",
];
const CONTEXT: &[&str] = &[
    "업계 관계자는 하반기 수요 회복이 변수라고 말했다.",
    "정부는 다음 달 지원 대책을 내놓을 계획이다.",
    "증권가는 목표주가를 잇달아 올려 잡았다.",
    "원자재 가격 상승이 수익성을 압박하고 있다.",
    "북미와 유럽 고객사의 주문이 실적을 끌어올렸다.",
    "금리 인하 기대가 투자 심리를 되살렸다는 분석이다.",
    "재고 조정이 마무리되면서 가동률도 80%대를 회복했다.",
    "전문가들은 내년 상반기까지 불확실성이 이어질 것으로 본다.",
];
const UNITS: &[&str] = &["억 달러", "조 원", "%", "만 톤", "bp", "억 원"];
const QUESTIONS: &[&str] = &[
    "현업에서는 환율 변동을 어떻게 헤지하나요?",
    "신규 고객사를 발굴할 때 가장 먼저 보는 지표는 무엇인가요?",
    "이런 수요 변화가 실제 영업 목표에 반영되기까지 얼마나 걸리나요?",
    "원가 상승분을 판매가에 전가하는 협상은 어떻게 진행하나요?",
];
const PRESSES: &[&str] = &["한빛경제", "새벽일보", "누리비즈", "가람뉴스"];
const JOBS: &[&str] = &["해외영업", "재무", "마케팅", "전략기획", "SCM"];

/// One sentence with a figure.
fn sentence(rng: &mut Rng, out: &mut String) {
    out.push_str(rng.pick(SUBJECTS));
    out.push_str(" 규모가 ");
    out.push_str(&format!("{}.{}", 1 + rng.below(300), rng.below(10)));
    out.push_str(rng.pick(UNITS));
    out.push_str("로 ");
    out.push_str(rng.pick(VERBS));
    out.push_str(". ");
    out.push_str(rng.pick(CONTEXT));
}

/// A paragraph of 2–5 sentences, sometimes with an inline link.
fn paragraph(rng: &mut Rng, out: &mut String) {
    for i in 0..2 + rng.below(4) {
        if i > 0 {
            out.push(' ');
        }
        sentence(rng, out);
    }
    if rng.below(8) == 0 {
        out.push_str(&format!(
            " (자료: https://data.example.kr/stat/{})",
            rng.below(100_000)
        ));
    }
    out.push_str("\n\n");
}

/// A Markdown-form scrap whose body has about `body_bytes` bytes.
/// `seed` picks the text and whether the scrap carries a defect.
pub fn scrap(seed: u64, body_bytes: usize) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(body_bytes + 2048);
    let id = rng.below(1_000_000);
    let subject = rng.pick(SUBJECTS);
    out.push_str(&format!(
        "---\ndate: 2026-11-{:02}\npress: {}\nurl: https://news.example.com/economy/{id}\ntags: [{}, 경제]\njob: {}\n---\n\n# 경제신문 스크랩\n\n",
        1 + rng.below(28),
        rng.pick(PRESSES),
        subject,
        rng.pick(JOBS),
    ));
    let defect = rng.below(5);
    out.push_str("## 헤드라인 (요약과 압축)\n\n");
    out.push_str(&format!("{subject}, {}\n\n", rng.pick(VERBS)));
    out.push_str(&format!(
        "## 기사링크\n\nhttps://news.example.com/economy/{id}\n\n"
    ));
    out.push_str("## 본문 (본문 내용 복사)\n\n");
    let body_start = out.len();
    while out.len() - body_start < body_bytes {
        if rng.below(12) == 0 {
            out.push_str(&format!(
                "### {}\n\n",
                rng.pick(&["배경", "전망", "업계 반응"])
            ));
        }
        paragraph(&mut rng, &mut out);
    }
    // One scrap in five has a defect of the kind people make.
    match defect {
        0 => out.push_str("## 인사이틍\n\n"),
        _ => out.push_str("## 기사 내용의 수치화, 인사이트\n\n"),
    }
    for _ in 0..3 {
        out.push_str(&format!(
            "- {} {}{} 변화\n",
            rng.pick(SUBJECTS),
            1 + rng.below(90),
            rng.pick(UNITS)
        ));
    }
    out.push('\n');
    if defect != 1 {
        out.push_str("## 추가조사할 내용 또는결과\n\n");
        paragraph(&mut rng, &mut out);
    }
    out.push_str("## 요약 및 의견 for 경제신문스크랩 스터디용\n\n");
    if defect != 2 {
        out.push_str("핵심정보: ");
        paragraph(&mut rng, &mut out);
    }
    if defect != 3 {
        out.push_str("## 적용할점 (현직자에게 할 질문)\n\n");
        out.push_str(rng.pick(QUESTIONS));
        out.push_str("\n\n");
    }
    out.push_str("## 연관기사 링크\n\n");
    for _ in 0..2 {
        out.push_str(&format!(
            "- [관련 기사](https://news.example.com/economy/{})\n",
            rng.below(1_000_000)
        ));
    }
    out
}

/// Writes `count` scraps of 2.6–5.8 KB into `dir`, 100 a folder like a
/// study group's per-week folders (`week-000/00000.scrap.md`, …); returns
/// the bytes written.
#[allow(dead_code)] // Only the folder benchmarks write folders.
pub fn write_folder(dir: &std::path::Path, count: u64) -> usize {
    let mut total = 0;
    for i in 0..count {
        let sub = dir.join(format!("week-{:03}", i / 100));
        std::fs::create_dir_all(&sub).expect("create folder");
        let size = 2_600 + Rng::new(i).below(3_200);
        let text = scrap_of_size(i, size);
        total += text.len();
        std::fs::write(sub.join(format!("{i:05}.scrap.md")), text).expect("write scrap");
    }
    total
}

/// A scrap of about `total_bytes` bytes in all.
pub fn scrap_of_size(seed: u64, total_bytes: usize) -> String {
    scrap(seed, total_bytes.saturating_sub(1500).max(200))
}
