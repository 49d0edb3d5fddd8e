//! What a scrap is filled with: the values taken from a fetched article
//! (or given by the user), and the one rule that turns an article into them.
//!
//! Both the CLI (`scrapls fetch`, `scrapls extract`) and the editor
//! (`scrapls.fetchArticle`, `scrapls.newFromUrl`) build their fill with
//! [`Prefill::from_article`], so a scrap written from the same page holds
//! the same values whichever way it was made.

use super::frontmatter::Field;
use crate::article::Article;

/// Values to fill a scrap with. Empty fields leave the template's guidance
/// (or the user's text) in place.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prefill {
    /// Front matter `date` (the day of the scrap), ISO 8601.
    pub date: Option<String>,
    /// The article's headline.
    pub headline: Option<String>,
    /// The article's link as the user gave it: the link section and the
    /// front matter's `url`.
    pub url: Option<String>,
    /// The page's canonical address, only when it differs from `url`: the
    /// front matter's `canonical`.
    pub canonical: Option<String>,
    /// The article's text, paragraphs separated by blank lines.
    pub body: Option<String>,
    /// The publication.
    pub press: Option<String>,
    /// The reporter.
    pub author: Option<String>,
    /// When the article was published, ISO 8601.
    pub published: Option<String>,
}

impl Prefill {
    /// The fill an article gives. The rule: the user's link is what they
    /// will recognise, so it is the link (`url`); the page's own address
    /// (canonical, else where it was fetched from) is the link only when the
    /// user gave none (a saved page), and is recorded as `canonical` when it
    /// differs from the user's link.
    pub fn from_article(article: Article, user_link: Option<&str>) -> Prefill {
        let user_link = user_link.map(str::trim).filter(|l| !l.is_empty());
        let (url, canonical) = match (user_link, article.url) {
            (Some(link), Some(page)) if !same_url(link, &page) => {
                (Some(link.to_owned()), Some(page))
            }
            (Some(link), _) => (Some(link.to_owned()), None),
            (None, page) => (page, None),
        };
        Prefill {
            date: None,
            headline: article.headline,
            url,
            canonical,
            body: Some(article.body).filter(|b| !b.trim().is_empty()),
            press: article.press,
            author: article.author,
            published: article.published,
        }
    }

    /// The front matter value for `field`, when there is a non-blank one.
    pub fn get(&self, field: Field) -> Option<&str> {
        let value = match field {
            Field::Date => &self.date,
            Field::Press => &self.press,
            Field::Author => &self.author,
            Field::Published => &self.published,
            Field::Url => &self.url,
            Field::Canonical => &self.canonical,
            Field::Tags | Field::Job => &None,
        };
        value.as_deref().map(str::trim).filter(|v| !v.is_empty())
    }
}

/// Whether two links name the same address once parsed (`HTTP://Host`
/// and `http://host/` are one address).
fn same_url(a: &str, b: &str) -> bool {
    match (url::Url::parse(a), url::Url::parse(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(url: Option<&str>) -> Article {
        Article {
            headline: Some("전기요금 동결".into()),
            body: "첫 문단.\n\n둘째 문단.".into(),
            press: Some("한빛경제".into()),
            author: None,
            published: Some("2026-11-20T08:00:00+09:00".into()),
            url: url.map(str::to_owned),
            confidence: 1.0,
        }
    }

    #[test]
    fn the_users_link_is_the_link_and_a_differing_canonical_is_recorded() {
        let fill = Prefill::from_article(
            article(Some("https://news.example.com/economy/1")),
            Some("https://m.news.example.com/1?utm_source=share"),
        );
        assert_eq!(
            fill.get(Field::Url),
            Some("https://m.news.example.com/1?utm_source=share")
        );
        assert_eq!(
            fill.get(Field::Canonical),
            Some("https://news.example.com/economy/1")
        );
        assert_eq!(fill.headline.as_deref(), Some("전기요금 동결"));
        assert_eq!(fill.get(Field::Press), Some("한빛경제"));
        assert_eq!(fill.get(Field::Author), None);
        assert_eq!(fill.date, None);
    }

    #[test]
    fn the_same_address_is_not_recorded_twice() {
        let fill = Prefill::from_article(
            article(Some("https://news.example.com/1")),
            Some("HTTPS://News.Example.com/1"),
        );
        assert_eq!(fill.get(Field::Url), Some("HTTPS://News.Example.com/1"));
        assert_eq!(fill.get(Field::Canonical), None);
        let fill = Prefill::from_article(article(None), Some("https://news.example.com/1"));
        assert_eq!(fill.get(Field::Canonical), None);
    }

    #[test]
    fn without_a_link_the_pages_address_is_the_link() {
        let fill = Prefill::from_article(article(Some("https://news.example.com/1")), None);
        assert_eq!(fill.get(Field::Url), Some("https://news.example.com/1"));
        assert_eq!(fill.get(Field::Canonical), None);
        let mut empty = article(None);
        empty.body = "  \n".into();
        let fill = Prefill::from_article(empty, Some(" "));
        assert_eq!((fill.url, fill.body), (None, None));
    }
}
