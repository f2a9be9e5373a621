//! The dashboard: an Elm-style terminal UI over the store.
//!
//! - [`app`]: the one [`App`] model (pure data) with a state struct per [`Pane`].
//! - [`action`]: what can happen ([`Action`]) and what the runtime must do about it ([`Command`]).
//! - [`update()`]: `(&mut App, Action) -> Vec<Command>`, no side effects; [`keys`] maps key presses
//!   to actions (context-aware: an open input receives the keys) through the rebindable
//!   [`Keymap`] (the config's `[keys]`).
//! - [`render()`]: draws an [`App`] into a frame from in-memory state only ([`view`], [`panes`],
//!   [`layout`], [`theme`], [`text`] for every user-visible string tests match on).
//! - [`run()`]: the async loop that owns the terminal ([`terminal`]), executes [`Command`]s against
//!   the store and feeds results back as actions ([`runtime`]); [`drive()`] is the same loop on any
//!   [`Screen`] (benchmarks); [`launch()`] starts it (with the background sync task) from an opened
//!   CLI context.

pub mod action;
pub mod app;
pub mod format;
pub mod keys;
pub mod launch;
pub mod layout;
pub mod panes;
pub mod runtime;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod update;
pub mod view;

#[cfg(test)]
mod tests;

pub use action::{Action, Command, Data, EditorInput, Saved, SyncCommand, SyncEvent, Timer};
pub use app::{App, Pane, TxnCursor, TxnFilter};
pub use keys::{Keymap, KeymapError};
pub use launch::launch;
pub use runtime::{RunOptions, Screen, color_from_env, drive, run};
pub use update::update;
pub use view::render;
