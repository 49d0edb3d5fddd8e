//! The message catalogue: every sentence scrapls says to a user, in Korean
//! and English, in one place.
//!
//! A message is a typed value ([`Message`]) holding its arguments; it is
//! rendered once, in the locale asked for, by [`Message::render`]. Callers
//! never format both languages nor match on the locale themselves. Plain
//! variants (no arguments) serve UI strings such as titles and labels.
//!
//! Section names are arguments: callers pass the title in the locale being
//! rendered (`SectionSpec::display_title`).

use super::Locale;

/// One user-facing message with its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message<'a> {
    // Diagnostics (`scrap::validate`).
    /// A required section is absent.
    MissingSection {
        /// The section's title.
        section: &'a str,
    },
    /// A section appears more than once.
    DuplicateSection {
        /// The section's title.
        section: &'a str,
    },
    /// A section comes after one that follows it in the template.
    SectionOrder {
        /// The misplaced section's title.
        section: &'a str,
        /// The title of the section it should precede.
        before: &'a str,
    },
    /// A required section has a heading but no content.
    EmptySection {
        /// The section's title.
        section: &'a str,
    },
    /// A section holds only the template's guidance.
    PlaceholderText {
        /// The section's title.
        section: &'a str,
    },
    /// A single-line section spans several lines.
    NotOneLine {
        /// The section's title.
        section: &'a str,
    },
    /// A section is longer than its limit.
    TooLong {
        /// The section's title.
        section: &'a str,
        /// Its length in characters.
        length: usize,
        /// The limit.
        max: usize,
    },
    /// A section that must hold figures holds none.
    NoFigures {
        /// The section's title.
        section: &'a str,
    },
    /// A section that must ask a question asks none.
    NoQuestion {
        /// The section's title.
        section: &'a str,
    },
    /// A token that looks like a link but is not an http(s) URL.
    InvalidUrl {
        /// The token as written.
        token: &'a str,
    },
    /// A link section holds no URL at all.
    NoUrl {
        /// The section's title.
        section: &'a str,
        /// The start of what it holds instead.
        shown: &'a str,
    },
    /// A link section holds several URLs.
    SeveralUrls {
        /// The section's title.
        section: &'a str,
        /// How many.
        count: usize,
    },
    /// A heading that looks like a mistyped section title.
    UnknownSection {
        /// The heading as written.
        heading: &'a str,
        /// The title it most likely meant.
        suggestion: &'a str,
    },
    /// The front matter has no closing `---` line.
    FrontMatterUnclosed,
    /// The front matter is not YAML.
    FrontMatterYaml {
        /// The parser's explanation.
        error: &'a str,
    },
    /// A front matter date that is not a real calendar date.
    FrontMatterDate {
        /// The key.
        key: &'a str,
        /// The value as written.
        value: &'a str,
    },

    // The command line (`cli`).
    /// The note under a diagnostic naming its section.
    SectionNote {
        /// The section's id.
        section: &'a str,
    },
    /// The summary line of `scrapls check`.
    CheckSummary {
        /// Files checked.
        files: usize,
        /// Error diagnostics.
        errors: usize,
        /// Other diagnostics.
        others: usize,
    },
    /// `scrapls convert` on a Markdown-form scrap.
    NotTableForm,
    /// An argument that is not a URL.
    NotAUrl,
    /// Saved HTML without an article.
    NoArticleFound,
    /// `-o FILE` would overwrite a file.
    FileExists,

    // Export (`export`, `cli::export`).
    /// A `--since`/`--until` value that is not a day.
    NotADay {
        /// The value given.
        value: &'a str,
    },
    /// `--to table` given several scraps.
    TableTakesOneFile,
    /// `--to xlsx` to a terminal.
    XlsxNeedsOutput,
    /// The selection left nothing to export.
    NoScrapSelected,
    /// A workbook cell cut to Excel's limit.
    CellCut {
        /// The row (1 is the first scrap).
        row: usize,
        /// The column's label.
        column: &'a str,
    },
    /// The workbook's sheet name.
    SheetName,
    /// Weekly sheet column: the scrap's date.
    ColumnDate,
    /// Weekly sheet column: the publication.
    ColumnPress,
    /// Weekly sheet column: the tags.
    ColumnTags,
    /// The digest's title.
    DigestTitle,
    /// How many scraps the digest holds.
    DigestCount {
        /// The number of scraps.
        count: usize,
    },
    /// A scrap without a headline, in the digest.
    NoHeadline,
    /// An empty section, in the digest.
    EmptyValue,

    // Scrap text.
    /// The title line of a new scrap.
    ScrapTitle,

    // The editor (`lsp`).
    /// Code action: fill an empty file with the template.
    FillWithTemplate,
    /// Code action: convert table form.
    ConvertTableForm,
    /// Code action: insert one missing section.
    InsertSection {
        /// The section's title.
        section: &'a str,
    },
    /// Code action: fix a mistyped heading.
    ChangeHeadingTo {
        /// The title it becomes.
        title: &'a str,
    },
    /// Code action: insert every missing section.
    InsertAllSections {
        /// How many are missing.
        count: usize,
    },
    /// Code action: fetch the article into empty sections.
    FetchArticle,
    /// Code action: fetch the article, replacing what is written.
    RefetchArticle,
    /// Hover: a required section.
    RequiredSection,
    /// Hover: an optional section.
    OptionalSection,
    /// Hover: a URL section's rule.
    RuleOneUrl,
    /// Hover: a URL list section's rule.
    RuleUrlList,
    /// Hover: the single-line rule.
    RuleOneLine,
    /// Hover: the length rule.
    RuleMaxLength {
        /// The limit in characters.
        max: usize,
    },
    /// Hover: the figures rule.
    RuleFigures,
    /// Hover: the question rule.
    RuleQuestion,
    /// Outline: the front matter's symbol.
    FrontMatter,
    /// Inlay hint: a section's length.
    CharCount {
        /// Characters in all.
        all: usize,
        /// Characters that are not white space.
        without_spaces: usize,
    },
    /// Progress title of a fetch.
    FetchingArticle,
    /// Progress end: done.
    ProgressDone,
    /// Progress end: failed.
    ProgressFailed,
    /// Progress end: cancelled.
    ProgressCancelled,
    /// A fetch failed; the document is unchanged.
    FetchFailed {
        /// Why.
        reason: &'a str,
    },
    /// The link section holds no URL to fetch.
    NoLinkToFetch,
    /// Every section the fill would write already holds text.
    NothingToFill {
        /// The ids of the sections and keys kept.
        kept: &'a str,
    },
    /// The user kept typing; the fill could not be applied.
    DocumentKeptChanging,
    /// The editor refused an edit.
    EditRefused {
        /// The edit's name.
        label: &'a str,
        /// The editor's reason.
        reason: &'a str,
    },
    /// Convert was asked of a Markdown scrap (editor).
    AlreadyMarkdown,
    /// Code action: draft the insight's figures from the body.
    DraftFigures,
    /// The fetched page may hold only part of the article.
    PartialArticle,
    /// Progress title of the workspace index.
    IndexingScraps,
    /// Progress end of the workspace index.
    ScrapCount {
        /// Scraps indexed.
        count: usize,
    },
}

impl Message<'_> {
    /// The message in `locale`.
    pub fn render(&self, locale: Locale) -> String {
        match locale {
            Locale::Ko => self.ko(),
            Locale::En => self.en(),
        }
    }

    fn ko(&self) -> String {
        match *self {
            Message::MissingSection { section } => {
                format!("필수 섹션 '{section}'이(가) 없습니다.")
            }
            Message::DuplicateSection { section } => {
                format!("'{section}' 섹션이 두 번 이상 나옵니다.")
            }
            Message::SectionOrder { section, before } => {
                format!("'{section}' 섹션은 템플릿 순서상 '{before}' 앞에 와야 합니다.")
            }
            Message::EmptySection { section } => {
                format!("필수 섹션 '{section}'이(가) 비어 있습니다.")
            }
            Message::PlaceholderText { section } => {
                format!("'{section}' 섹션에 템플릿 안내 문구만 있습니다. 내용을 직접 작성하세요.")
            }
            Message::NotOneLine { section } => format!("'{section}'은(는) 한 줄로 적어야 합니다."),
            Message::TooLong {
                section,
                length,
                max,
            } => format!("'{section}'이(가) {length}자로 너무 깁니다 (최대 {max}자)."),
            Message::NoFigures { section } => format!(
                "'{section}'에 수치가 없습니다. 기사 내용을 숫자로 정리해 보세요 (예: 매출 20% 증가)."
            ),
            Message::NoQuestion { section } => {
                format!("'{section}'에 질문이 없습니다. 현직자에게 물을 질문을 적어 보세요.")
            }
            Message::InvalidUrl { token } => {
                format!("'{token}'은(는) 올바른 http(s) 주소가 아닙니다.")
            }
            Message::NoUrl { section, shown } => {
                format!("'{section}'에는 http(s) 주소가 하나 있어야 합니다: '{shown}'")
            }
            Message::SeveralUrls { section, count } => {
                format!("'{section}'에는 주소를 하나만 적으세요 ({count}개).")
            }
            Message::UnknownSection {
                heading,
                suggestion,
            } => format!("알 수 없는 섹션 '{heading}'. '{suggestion}'을(를) 말씀하신 건가요?"),
            Message::FrontMatterUnclosed => {
                "머리말(front matter)이 '---' 줄로 닫히지 않았습니다.".into()
            }
            Message::FrontMatterYaml { error } => {
                format!("머리말의 YAML을 읽을 수 없습니다: {error}")
            }
            Message::FrontMatterDate { key, value } => {
                format!("'{key}'는 2026-11-22 같은 ISO 8601 날짜여야 합니다: '{value}'")
            }
            Message::SectionNote { section } => format!("섹션: {section}"),
            Message::CheckSummary {
                files,
                errors,
                others,
            } => format!("파일 {files}개 검사: 오류 {errors}개, 그 밖의 진단 {others}개"),
            Message::NotTableForm => "표 형식 스크랩이 아닙니다 (이미 Markdown 형식입니다).".into(),
            Message::NotAUrl => "주소를 해석할 수 없습니다".into(),
            Message::NoArticleFound => "기사 제목이나 본문을 찾지 못했습니다".into(),
            Message::FileExists => "파일이 이미 있습니다. 덮어쓰려면 --force를 주세요".into(),
            Message::NotADay { value } => {
                format!("{value}: 날짜는 2026-11-22 형식이어야 합니다")
            }
            Message::TableTakesOneFile => "--to table은 스크랩 파일 하나를 받습니다".into(),
            Message::XlsxNeedsOutput => "--to xlsx는 -o 파일이 필요합니다".into(),
            Message::NoScrapSelected => "고른 스크랩이 없습니다".into(),
            Message::CellCut { row, column } => {
                format!("{row}행 '{column}': 엑셀 셀 한도(32,767자)를 넘어 잘렸습니다")
            }
            Message::SheetName => "스크랩".into(),
            Message::ColumnDate => "날짜".into(),
            Message::ColumnPress => "언론사".into(),
            Message::ColumnTags => "태그".into(),
            Message::DigestTitle => "경제신문 스크랩 다이제스트".into(),
            Message::DigestCount { count } => format!("스크랩 {count}건"),
            Message::NoHeadline => "(헤드라인 없음)".into(),
            Message::EmptyValue => "(비어 있음)".into(),
            Message::ScrapTitle => "경제신문 스크랩".into(),
            Message::FillWithTemplate => "템플릿으로 채우기".into(),
            Message::ConvertTableForm => "표 형식을 Markdown 형식으로 변환".into(),
            Message::InsertSection { section } => format!("누락된 섹션 추가: {section}"),
            Message::ChangeHeadingTo { title } => format!("'{title}'(으)로 고치기"),
            Message::InsertAllSections { count } => format!("누락된 섹션 모두 추가 ({count}개)"),
            Message::FetchArticle => "기사 가져오기: 빈 헤드라인·본문 채우기".into(),
            Message::RefetchArticle => {
                "기사 다시 가져오기: 헤드라인·본문을 기사로 바꾸기 (작성한 내용 대체)".into()
            }
            Message::RequiredSection => "필수 섹션".into(),
            Message::OptionalSection => "선택 섹션".into(),
            Message::RuleOneUrl => "http(s) 주소 하나".into(),
            Message::RuleUrlList => "http(s) 주소 목록 (한 줄에 하나)".into(),
            Message::RuleOneLine => "한 줄".into(),
            Message::RuleMaxLength { max } => format!("최대 {max}자"),
            Message::RuleFigures => "수치 포함".into(),
            Message::RuleQuestion => "질문 포함".into(),
            Message::FrontMatter => "머리말".into(),
            Message::CharCount {
                all,
                without_spaces,
            } => format!("{all}자 (공백 제외 {without_spaces}자)"),
            Message::FetchingArticle => "기사 가져오는 중".into(),
            Message::ProgressDone => "완료".into(),
            Message::ProgressFailed => "실패".into(),
            Message::ProgressCancelled => "취소됨".into(),
            Message::FetchFailed { reason } => {
                format!("scrapls: 기사를 가져오지 못했습니다. 문서는 바뀌지 않았습니다. ({reason})")
            }
            Message::NoLinkToFetch => "기사링크 섹션에 http(s) 주소가 없습니다".into(),
            Message::NothingToFill { kept } => format!(
                "scrapls: 채울 빈 칸이 없습니다 (이미 작성됨: {kept}). '기사 다시 가져오기'로 바꿀 수 있습니다."
            ),
            Message::DocumentKeptChanging => "문서가 계속 바뀌어 편집을 적용하지 못했습니다".into(),
            Message::EditRefused { label, reason } => format!(
                "scrapls: {label} 편집이 적용되지 않았습니다 (문서가 바뀌었을 수 있습니다). {reason}"
            ),
            Message::AlreadyMarkdown => "scrapls: 이미 Markdown 형식입니다.".into(),
            Message::DraftFigures => "본문의 수치로 초안 만들기".into(),
            Message::IndexingScraps => "스크랩 색인 중".into(),
            Message::ScrapCount { count } => format!("스크랩 {count}개"),
            Message::PartialArticle => "scrapls: 페이지에 기사 일부만 있을 수 있습니다 (요약, 유료 기사 등). 본문을 원문과 확인하세요.".into(),
        }
    }

    fn en(&self) -> String {
        match *self {
            Message::MissingSection { section } => {
                format!("Required section '{section}' is missing.")
            }
            Message::DuplicateSection { section } => {
                format!("Section '{section}' appears more than once.")
            }
            Message::SectionOrder { section, before } => {
                format!("In template order, '{section}' comes before '{before}'.")
            }
            Message::EmptySection { section } => format!("Required section '{section}' is empty."),
            Message::PlaceholderText { section } => format!(
                "Section '{section}' still holds only the template's guidance. Write your own."
            ),
            Message::NotOneLine { section } => format!("'{section}' should fit on one line."),
            Message::TooLong {
                section,
                length,
                max,
            } => format!("'{section}' is {length} characters long; the limit is {max}."),
            Message::NoFigures { section } => format!(
                "'{section}' has no figures. Put the article into numbers (e.g. sales up 20%)."
            ),
            Message::NoQuestion { section } => {
                format!("'{section}' asks nothing. Write a question for someone in the industry.")
            }
            Message::InvalidUrl { token } => format!("'{token}' is not a valid http(s) URL."),
            Message::NoUrl { section, shown } => {
                format!("'{section}' must hold one http(s) URL, not '{shown}'.")
            }
            Message::SeveralUrls { section, count } => {
                format!("'{section}' should hold one URL, not {count}.")
            }
            Message::UnknownSection {
                heading,
                suggestion,
            } => format!("Unknown section '{heading}'. Did you mean '{suggestion}'?"),
            Message::FrontMatterUnclosed => {
                "The front matter is not closed by a '---' line.".into()
            }
            Message::FrontMatterYaml { error } => {
                format!("The front matter is not valid YAML: {error}")
            }
            Message::FrontMatterDate { key, value } => {
                format!("'{key}' must be an ISO 8601 date such as 2026-11-22: '{value}'")
            }
            Message::SectionNote { section } => format!("section: {section}"),
            Message::CheckSummary {
                files,
                errors,
                others,
            } => {
                format!("checked {files} file(s): {errors} error(s), {others} other diagnostic(s)")
            }
            Message::NotTableForm => "not a table-form scrap (it is already Markdown).".into(),
            Message::NotAUrl => "not a valid URL".into(),
            Message::NoArticleFound => "no headline or article text found".into(),
            Message::FileExists => "file exists; pass --force to overwrite it".into(),
            Message::NotADay { value } => format!("{value}: a date must look like 2026-11-22"),
            Message::TableTakesOneFile => "--to table takes exactly one scrap file".into(),
            Message::XlsxNeedsOutput => "--to xlsx needs -o FILE".into(),
            Message::NoScrapSelected => "no scrap selected".into(),
            Message::CellCut { row, column } => {
                format!("row {row}, '{column}': cut to Excel's 32,767-character cell limit")
            }
            Message::SheetName => "Scraps".into(),
            Message::ColumnDate => "Date".into(),
            Message::ColumnPress => "Press".into(),
            Message::ColumnTags => "Tags".into(),
            Message::DigestTitle => "Economic news digest".into(),
            Message::DigestCount { count } => format!("{count} scrap(s)"),
            Message::NoHeadline => "(no headline)".into(),
            Message::EmptyValue => "(empty)".into(),
            Message::ScrapTitle => "Economic news scrap".into(),
            Message::FillWithTemplate => "Fill with the scrap template".into(),
            Message::ConvertTableForm => "Convert table form to Markdown".into(),
            Message::InsertSection { section } => format!("Insert missing section: {section}"),
            Message::ChangeHeadingTo { title } => format!("Change to '{title}'"),
            Message::InsertAllSections { count } => {
                format!("Insert all missing sections ({count})")
            }
            Message::FetchArticle => "Fetch article: fill empty headline and body".into(),
            Message::RefetchArticle => {
                "Re-fetch article: replace headline and body (overwrites their text)".into()
            }
            Message::RequiredSection => "required".into(),
            Message::OptionalSection => "optional".into(),
            Message::RuleOneUrl => "one http(s) URL".into(),
            Message::RuleUrlList => "a list of http(s) URLs, one per line".into(),
            Message::RuleOneLine => "one line".into(),
            Message::RuleMaxLength { max } => format!("at most {max} characters"),
            Message::RuleFigures => "must contain a figure".into(),
            Message::RuleQuestion => "must ask a question".into(),
            Message::FrontMatter => "Front matter".into(),
            Message::CharCount {
                all,
                without_spaces,
            } => format!("{all} chars ({without_spaces} without spaces)"),
            Message::FetchingArticle => "Fetching article".into(),
            Message::ProgressDone => "done".into(),
            Message::ProgressFailed => "failed".into(),
            Message::ProgressCancelled => "cancelled".into(),
            Message::FetchFailed { reason } => format!(
                "scrapls: could not fetch the article; the document is unchanged. ({reason})"
            ),
            Message::NoLinkToFetch => "the link section holds no http(s) URL".into(),
            Message::NothingToFill { kept } => format!(
                "scrapls: nothing to fill (already written: {kept}). Use 'Re-fetch article' to replace."
            ),
            Message::DocumentKeptChanging => {
                "the document kept changing, so the edit was not applied".into()
            }
            Message::EditRefused { label, reason } => format!(
                "scrapls: the {label} edit was not applied (the document may have changed). {reason}"
            ),
            Message::AlreadyMarkdown => "scrapls: the scrap is already in Markdown form.".into(),
            Message::DraftFigures => "Draft figures from the body".into(),
            Message::IndexingScraps => "Indexing scraps".into(),
            Message::ScrapCount { count } => format!("{count} scraps"),
            Message::PartialArticle => "scrapls: the page may show only part of the article (a teaser or a paywall cut); check the body against the page.".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_once_in_the_locale_asked_for() {
        let m = Message::TooLong {
            section: "헤드라인",
            length: 80,
            max: 60,
        };
        assert_eq!(
            m.render(Locale::Ko),
            "'헤드라인'이(가) 80자로 너무 깁니다 (최대 60자)."
        );
        assert_eq!(
            m.render(Locale::En),
            "'헤드라인' is 80 characters long; the limit is 60."
        );
    }

    #[test]
    fn korean_and_english_differ() {
        let plain = [
            Message::FrontMatterUnclosed,
            Message::NotTableForm,
            Message::NotAUrl,
            Message::NoArticleFound,
            Message::FileExists,
            Message::TableTakesOneFile,
            Message::XlsxNeedsOutput,
            Message::NoScrapSelected,
            Message::SheetName,
            Message::ColumnDate,
            Message::ColumnPress,
            Message::ColumnTags,
            Message::DigestTitle,
            Message::NoHeadline,
            Message::EmptyValue,
            Message::ScrapTitle,
        ];
        for m in plain {
            let (ko, en) = (m.render(Locale::Ko), m.render(Locale::En));
            assert!(ko.chars().any(|c| ('가'..='힣').contains(&c)), "{ko}");
            assert!(en.is_ascii(), "{en}");
        }
    }
}
