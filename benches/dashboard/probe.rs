//! Driving the dashboard from the benchmark: pressing keys into its input channel and waiting
//! for the frames that answer them, with percentile summaries of press → frame times.

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent};
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};

use crate::screen::Shown;

/// Longest wait for a frame before the benchmark gives up.
const WAIT: Duration = Duration::from_secs(20);

pub type Input = UnboundedSender<std::io::Result<Event>>;

pub struct Probe {
    pub input: Input,
    pub frames: UnboundedReceiver<Shown>,
}

impl Probe {
    /// Sends a key and returns when it was sent.
    pub fn press(&self, code: KeyCode) -> Instant {
        let at = Instant::now();
        let _ = self.input.send(Ok(Event::Key(KeyEvent::from(code))));
        at
    }

    pub async fn next(&mut self) -> anyhow::Result<Shown> {
        let shown = tokio::time::timeout(WAIT, self.frames.recv()).await?;
        shown.ok_or_else(|| anyhow::anyhow!("the dashboard stopped"))
    }

    pub async fn until(&mut self, done: impl Fn(&Shown) -> bool) -> anyhow::Result<Shown> {
        loop {
            let shown = self.next().await?;
            if done(&shown) {
                return Ok(shown);
            }
        }
    }

    /// Presses `code` `n` times, each once the previous one's frame is drawn and any page it asked
    /// for has arrived; returns each press → frame time and how many presses moved the selection.
    pub async fn keys(&mut self, code: KeyCode, n: usize) -> anyhow::Result<Keys> {
        let mut times = Vec::with_capacity(n);
        let mut renders = Vec::with_capacity(n);
        let (mut moved, mut last) = (0, None);
        for _ in 0..n {
            let sent = self.press(code);
            let shown = self.next().await?;
            times.push(shown.at - sent);
            renders.push(shown.render);
            moved += usize::from(shown.selected != last);
            last = shown.selected;
            if shown.fetching {
                last = self.until(|s| !s.fetching).await?.selected;
            }
        }
        Ok(Keys {
            times,
            renders,
            moved,
        })
    }
}

/// Press → frame times, the render part of each, and how many presses moved the selection.
pub struct Keys {
    times: Vec<Duration>,
    renders: Vec<Duration>,
    moved: usize,
}

pub fn percentiles(mut keys: Keys) -> String {
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    keys.times.sort_unstable();
    keys.renders.sort_unstable();
    let at = |v: &[Duration], p: usize| v[(v.len() * p / 100).min(v.len() - 1)];
    format!(
        "p50 {:.3} ms · p99 {:.3} ms · max {:.3} ms (render alone p50 {:.3} ms · p99 {:.3} ms; {} presses, {} moved the selection)",
        ms(at(&keys.times, 50)),
        ms(at(&keys.times, 99)),
        ms(keys.times[keys.times.len() - 1]),
        ms(at(&keys.renders, 50)),
        ms(at(&keys.renders, 99)),
        keys.times.len(),
        keys.moved
    )
}
