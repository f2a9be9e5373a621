//! The `[import] watch_dir` folder: statements dropped there are imported by the sync task. A file
//! directly in the folder is read with the default CSV mapping (OFX and QFX need nothing more); a
//! file in a subfolder named like a `[[import.csv]]` preset is read with that preset. Imported
//! files move to `done/`, files that failed to `failed/` beside a `NAME.error.txt` saying why, so
//! each file is tried once and nothing is lost. Partial downloads (`.part`, `.crdownload`, `.tmp`,
//! dot-files) are left alone until complete.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::{FileReport, ImportError, ImportOptions, ParseOptions, import_file};
use crate::config::Settings;
use crate::import::CsvMapping;
use crate::store::Store;

/// Where imported files go, inside the watched folder.
pub const DONE_DIR: &str = "done";
/// Where files that could not be imported go.
pub const FAILED_DIR: &str = "failed";

/// One dropped file and how its import went.
#[derive(Debug)]
pub struct Dropped {
    pub file: PathBuf,
    pub result: Result<FileReport, ImportError>,
}

/// Imports every statement waiting in the watched folder (nothing when none is configured).
pub async fn import_dropped(
    store: &Store,
    settings: &Settings,
    now: DateTime<Utc>,
) -> Vec<Dropped> {
    let Some(dir) = settings.import.watch_dir.as_deref() else {
        return Vec::new();
    };
    let mut jobs: Vec<(PathBuf, CsvMapping)> = waiting(dir)
        .into_iter()
        .map(|f| (f, CsvMapping::default()))
        .collect();
    for preset in &settings.import.csv {
        let sub = dir.join(&preset.name);
        jobs.extend(
            waiting(&sub)
                .into_iter()
                .map(|f| (f, preset.mapping.clone())),
        );
    }
    let mut out = Vec::new();
    for (file, csv) in jobs {
        let options = ImportOptions {
            account: None,
            parse: ParseOptions {
                csv,
                default_currency: settings.general.currency,
            },
        };
        let result = import_file(store, &file, &options, now).await;
        if matches!(&result, Err(ImportError::Read { source, .. }) if source.kind() == std::io::ErrorKind::NotFound)
        {
            continue; // Taken by another Purse process meanwhile.
        }
        let folder = file.parent().unwrap_or(dir);
        let moved = match &result {
            Ok(_) => move_into(&file, &folder.join(DONE_DIR)),
            Err(e) => move_into(&file, &folder.join(FAILED_DIR)).and_then(|to| {
                let mut note = to.clone().into_os_string();
                note.push(".error.txt");
                std::fs::write(&note, format!("{e}\n")).map(|()| to)
            }),
        };
        if let Err(e) = moved {
            tracing::error!(file = %file.display(), error = %e, "cannot move an imported statement out of the watched folder");
        }
        out.push(Dropped { file, result });
    }
    out
}

/// Statement files waiting in `dir`, by name.
fn waiting(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or(".");
            let lower = name.to_ascii_lowercase();
            !name.starts_with('.')
                && !lower.ends_with(".error.txt")
                && ![".part", ".crdownload", ".tmp", ".partial"]
                    .iter()
                    .any(|s| lower.ends_with(s))
        })
        .collect();
    files.sort();
    files
}

/// Moves `file` into `dir` (created if needed) without overwriting: `name`, `name.1`, …
fn move_into(file: &Path, dir: &Path) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let name = file.file_name().unwrap_or_default();
    let mut to = dir.join(name);
    let mut n = 1;
    while to.exists() {
        let mut numbered = name.to_os_string();
        numbered.push(format!(".{n}"));
        to = dir.join(numbered);
        n += 1;
    }
    std::fs::rename(file, &to)?;
    Ok(to)
}
