//! The `scrapls` binary: command-line parsing and dispatch only.

use clap::{Parser, Subcommand};

use scrapls::cli::{check, convert, export, fetch, figures, list, stats};

/// scrapls — 경제신문 스크랩 도우미 (language server and linter for
/// economic-news scraps).
#[derive(Parser)]
#[command(name = "scrapls", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint scraps (files and folders) / 스크랩 검사
    Check(check::CheckArgs),
    /// Print the Markdown form of a table-form scrap / 표 형식을 Markdown으로 변환
    Convert(convert::ConvertArgs),
    /// Print an empty scrap from the template / 빈 스크랩 만들기
    New(convert::NewArgs),
    /// Fetch an article and print a new scrap / 기사를 가져와 스크랩 만들기
    Fetch(fetch::FetchArgs),
    /// Extract an article from saved HTML / 저장한 HTML에서 기사 추출
    Extract(fetch::ExtractArgs),
    /// Print the figures (수치) a scrap or text holds / 수치 찾기
    Figures(figures::FiguresArgs),
    /// Export scraps: sheet rows, TSV/CSV, xlsx, an HTML digest / 스크랩 내보내기
    Export(export::ExportArgs),
    /// List the scraps of a folder / 폴더의 스크랩 목록
    List(list::ListArgs),
    /// Numbers of a folder: weeks, streaks, presses, tags / 폴더 통계
    Stats(stats::StatsArgs),
    /// Run the language server on stdio / 언어 서버 실행
    Serve,
}

fn main() {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Convert(args) => convert::run_convert(args),
        Command::New(args) => convert::run_new(args),
        Command::Fetch(args) => fetch::run_fetch(args),
        Command::Extract(args) => fetch::run_extract(args),
        Command::Figures(args) => figures::run(args),
        Command::Export(args) => export::run(args),
        Command::List(args) => list::run(args),
        Command::Stats(args) => stats::run(args),
        Command::Serve => scrapls::lsp::run(),
    };
    std::process::exit(code);
}
