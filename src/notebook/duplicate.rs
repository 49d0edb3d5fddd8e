//! The `duplicate-article` diagnostic: this scrap's article is already
//! scrapped in another file of the folder. Shared by `scrapls check DIR`
//! and the language server.

use std::path::Path;

use super::entry::Entry;
use super::index::Index;
use crate::i18n::Locale;
use crate::scrap::config::Config;
use crate::scrap::diagnostic::{Code, Diagnostic, Related, Severity};
use crate::scrap::template::Role;
use crate::text::position::Place;

/// The diagnostic for `entry` when the index holds other scraps of its
/// article: on the link, with the other files' link lines as related
/// information. `None` when there is no other scrap or the code is off.
/// `shown` renders a path as the user should read it.
pub fn duplicate_article(
    entry: &Entry,
    index: &Index,
    config: &Config,
    shown: impl Fn(&Path) -> String,
) -> Option<Diagnostic> {
    let others = index.duplicates(entry);
    let first = others.first()?;
    let severity = config.severity(Code::DuplicateArticle, Severity::Warning)?;
    let locale = config.locale;
    let name = shown(&first.path);
    let message = match (locale, others.len()) {
        (Locale::Ko, 1) => format!("이 기사는 이미 {name}에 스크랩되어 있습니다."),
        (Locale::Ko, n) => format!(
            "이 기사는 이미 {name} 외 {}개 파일에 스크랩되어 있습니다.",
            n - 1
        ),
        (Locale::En, 1) => format!("This article is already scrapped in {name}."),
        (Locale::En, n) => format!(
            "This article is already scrapped in {name} and {} other file(s).",
            n - 1
        ),
    };
    let span = entry.link.as_ref().map_or(0..0, |p| p.span.clone());
    let related = others
        .iter()
        .map(|other| Related {
            path: other.path.clone(),
            place: other.link.clone().unwrap_or(Place {
                span: 0..0,
                line: 0,
                utf8: (0, 0),
                utf16: (0, 0),
            }),
            message: locale
                .pick("같은 기사의 링크", "the same article's link")
                .to_string(),
        })
        .collect();
    Some(Diagnostic {
        code: Code::DuplicateArticle,
        severity,
        span,
        section: config
            .template
            .spec_by_role(Role::Link)
            .map(|s| s.id.clone()),
        message,
        suggestion: None,
        related,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str, url: &str) -> Entry {
        let text = format!("## 헤드라인\n제목\n\n## 기사링크\n{url}\n");
        Entry::from_text(path.into(), &text, &Config::default())
    }

    #[test]
    fn points_at_the_link_and_the_other_files() {
        let index = Index::from_entries([
            entry("a.scrap.md", "https://n.news.naver.com/article/015/0001"),
            entry(
                "b.scrap.md",
                "https://news.naver.com/main/read.naver?oid=015&aid=0001",
            ),
            entry("c.scrap.md", "https://ex.com/other"),
        ]);
        let config = Config::default();
        let show = |p: &Path| p.display().to_string();
        let a = index.get("a.scrap.md".as_ref()).unwrap();
        let d = duplicate_article(a, &index, &config, show).unwrap();
        assert_eq!(d.code, Code::DuplicateArticle);
        assert_eq!(d.severity, Severity::Warning);
        assert_eq!(
            d.message,
            "이 기사는 이미 b.scrap.md에 스크랩되어 있습니다."
        );
        assert_eq!(d.section.as_deref(), Some("link"));
        assert_eq!(d.related.len(), 1);
        assert_eq!(d.related[0].place.line, 4);
        let c = index.get("c.scrap.md".as_ref()).unwrap();
        assert!(duplicate_article(c, &index, &config, show).is_none());
    }
}
