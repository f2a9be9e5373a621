//! The notification icon. `assets/purse.png` is compiled into the binary and written out once to
//! Purse's cache directory (`~/.cache/purse/purse.png`), because notification servers want a file
//! path: that path exists wherever the binary was installed from (`cargo install`, a package, a
//! copied binary), unlike the source tree's `assets/` which a build-time path would point at.

use std::path::{Path, PathBuf};

/// The icon's PNG bytes.
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/purse.png");

/// File name of the written icon.
pub const ICON_FILE: &str = "purse.png";

/// Writes the icon into `dir` unless an identical copy is there; returns its absolute path, or
/// `None` (logged) when it cannot be written: notifications then go without an icon.
pub fn install_icon(dir: &Path) -> Option<PathBuf> {
    let path = dir.join(ICON_FILE);
    if std::fs::read(&path).is_ok_and(|bytes| bytes == ICON_PNG) {
        return Some(path);
    }
    let written = std::fs::create_dir_all(dir).and_then(|()| {
        // Write beside, then rename: a reader never sees half an icon.
        let partial = dir.join(format!(".{ICON_FILE}.{}", std::process::id()));
        std::fs::write(&partial, ICON_PNG)?;
        std::fs::rename(&partial, &path)
    });
    match written {
        Ok(()) => Some(path),
        Err(e) => {
            tracing::warn!(dir = %dir.display(), error = %e, "cannot write the notification icon");
            None
        }
    }
}

/// The icon in Purse's cache directory (see [`install_icon`]).
pub fn default_icon() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "purse")?;
    install_icon(dirs.cache_dir())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_icon_is_a_png_written_once_and_repaired_if_changed() {
        assert!(ICON_PNG.starts_with(b"\x89PNG\r\n\x1a\n"));
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("cache").join("purse");
        let path = install_icon(&sub).unwrap();
        assert!(path.is_absolute());
        assert_eq!(std::fs::read(&path).unwrap(), ICON_PNG);
        std::fs::write(&path, b"garbage").unwrap();
        assert_eq!(install_icon(&sub).unwrap(), path);
        assert_eq!(std::fs::read(&path).unwrap(), ICON_PNG);
        assert_eq!(
            std::fs::read_dir(&sub).unwrap().count(),
            1,
            "no partial files left"
        );
    }
}
