//! A tolerant tag tokenizer for OFX, building one tree from OFX 1.x SGML and OFX 2.x XML alike.
//!
//! Why our own: OFX 1.x is SGML whose leaf tags usually have no closing tag (`<TRNAMT>-12.34`),
//! and files in the wild mix closed and unclosed leaves, put raw `&` in names, and leave empty
//! leaves (`<MEMO>` followed by the next tag). XML parsers reject all of that, and the OFX crates
//! we looked at (`ofx-rs` 0.2, `ofxy` 0.2) are young, map into their own strict types and report
//! no source lines. The rules here are small and cover both versions:
//!
//! - a tag followed by text is a leaf; it ends at the next tag (or at its own closing tag);
//! - a tag followed directly by another tag opens an aggregate, unless the OFX DTD says it is a
//!   leaf (`sgml/dtd.rs`): then it is an empty leaf;
//! - `</X>` closes the innermost open `X`. Elements opened after it and never closed end there:
//!   a known aggregate (`BANKTRANLIST` missing its end tag) keeps what was read inside it; an
//!   unknown one was an empty leaf, so its children move up to its parent;
//! - opening an aggregate that the DTD places in certain parents (`LEDGERBAL` in `STMTRS`) ends
//!   the open elements above the nearest such parent first;
//! - a closing tag of a leaf that is not the one just read (leaves closed late, in another
//!   order, or twice), or of an element already ended inside an open one, is ignored;
//! - a closing tag of an aggregate with nothing to close, nesting deeper than [`MAX_DEPTH`], or
//!   an aggregate with content still open at the end of the file (a truncated download) is an
//!   error naming the tag and its line, unless only wrappers around complete statements are
//!   left open (a file missing its last `</STMTTRNRS></BANKMSGSRSV1></OFX>`);
//! - `&amp;`-style entities and numeric references are decoded; any other `&` is kept as is;
//! - `<?…?>`, `<!…>` and comments are skipped; tag names are read in upper case.

mod dtd;
mod entities;

use self::entities::decode_entities;
use super::{ParseError, Position};

/// Deeper nesting than any OFX document has; also bounds recursion over the tree.
pub const MAX_DEPTH: usize = 48;

/// One element: an aggregate (children) or a leaf (text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    pub name: String,
    /// 1-based line of the opening tag.
    pub line: usize,
    pub text: Option<String>,
    pub children: Vec<Element>,
}

impl Element {
    fn new(name: String, line: usize) -> Self {
        Element {
            name,
            line,
            text: None,
            children: Vec::new(),
        }
    }

    /// The first child named `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// The trimmed text of the leaf child `name`, if present and not empty.
    pub fn leaf(&self, name: &str) -> Option<(&str, usize)> {
        let c = self.child(name)?;
        let text = c.text.as_deref()?.trim();
        (!text.is_empty()).then_some((text, c.line))
    }
}

/// Parses the document body (everything after the OFX 1.x `KEY:VALUE` header, or the whole XML
/// text) into its top-level elements. `first_line` is the line the body starts on.
pub fn parse(body: &str, first_line: usize) -> Result<Vec<Element>, ParseError> {
    let mut p = Parser {
        stack: vec![Element::new(String::new(), 0)],
        line: first_line,
        last_leaf: None,
    };
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        p.line += rest[..lt].matches('\n').count();
        rest = &rest[lt..];
        if let Some(skip) = skip_markup(rest) {
            p.line += rest[..skip].matches('\n').count();
            rest = &rest[skip..];
            continue;
        }
        let Some(gt) = rest.find('>') else {
            return Err(ParseError::new(
                Position::line(p.line),
                "a tag is not finished: \"<\" without \">\"",
            ));
        };
        let inside = &rest[1..gt];
        let tag_line = p.line;
        p.line += inside.matches('\n').count();
        rest = &rest[gt + 1..];
        if let Some(name) = inside.strip_prefix('/') {
            let name = tag_name(name);
            // The closing tag of the leaf just read (`<NAME>text</NAME>`): nothing more to do.
            if p.last_leaf.take().as_deref() != Some(name.as_str()) {
                p.close(&name, tag_line)?;
            }
            continue;
        }
        p.last_leaf = None;
        let name = tag_name(inside);
        if name.is_empty() {
            return Err(ParseError::new(
                Position::line(tag_line),
                "has an empty tag \"<>\"",
            ));
        }
        let mut element = Element::new(name, tag_line);
        if inside.trim_end().ends_with('/') {
            element.text = Some(String::new());
            p.push_child(element);
            continue;
        }
        let text_end = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..text_end];
        if text.trim().is_empty() && dtd::is_leaf(&element.name) {
            element.text = Some(String::new());
            p.last_leaf = Some(element.name.clone());
            p.push_child(element);
        } else if text.trim().is_empty() {
            p.end_misplaced(&element.name);
            if p.stack.len() > MAX_DEPTH {
                return Err(ParseError::new(
                    Position::tag(&element.name, tag_line),
                    format!("is nested more than {MAX_DEPTH} levels deep"),
                ));
            }
            p.stack.push(element);
        } else {
            element.text = Some(decode_entities(text.trim()));
            p.line += text.matches('\n').count();
            rest = &rest[text_end..];
            p.last_leaf = Some(element.name.clone());
            p.push_child(element);
        }
    }
    p.finish()
}

struct Parser {
    /// Open aggregates, the document root first.
    stack: Vec<Element>,
    line: usize,
    /// The name of the leaf read just before the current tag, if the last thing read was one.
    last_leaf: Option<String>,
}

impl Parser {
    fn push_child(&mut self, element: Element) {
        if let Some(top) = self.stack.last_mut() {
            top.children.push(element);
        }
    }

    fn close(&mut self, name: &str, line: usize) -> Result<(), ParseError> {
        let open = self
            .stack
            .iter()
            .rposition(|e| e.name == name)
            .filter(|i| *i > 0);
        let Some(index) = open else {
            if self.is_leaf_name(name) {
                return Ok(());
            }
            return Err(ParseError::new(
                Position::tag(&format!("/{name}"), line),
                format!("closes nothing: there is no open <{name}> before it"),
            ));
        };
        while self.stack.len() > index + 1 {
            self.end_unclosed();
        }
        if let Some(element) = self.stack.pop() {
            self.push_child(element);
        }
        Ok(())
    }

    /// A leaf by the DTD, or an element already read (and ended) inside an open aggregate: its
    /// late end tag has nothing left to do.
    fn is_leaf_name(&self, name: &str) -> bool {
        dtd::is_leaf(name)
            || self
                .stack
                .iter()
                .any(|open| open.children.iter().any(|c| c.name == name))
    }

    /// Opening `name`, an aggregate that sits only in certain parents: the open elements above
    /// the nearest such parent were left unclosed, and end here.
    fn end_misplaced(&mut self, name: &str) {
        let parents = dtd::parents(name);
        if parents.is_empty() {
            return;
        }
        let Some(index) = self
            .stack
            .iter()
            .rposition(|e| parents.contains(&e.name.as_str()))
            .filter(|i| *i > 0)
        else {
            return;
        };
        while self.stack.len() > index + 1 {
            self.end_unclosed();
        }
    }

    /// The top element was never closed. A known aggregate ends here with what it holds; any
    /// other element was an empty leaf, and what followed it belongs to its parent.
    fn end_unclosed(&mut self) {
        if let Some(mut element) = self.stack.pop() {
            if dtd::is_aggregate(&element.name) {
                self.push_child(element);
                return;
            }
            let children = std::mem::take(&mut element.children);
            element.text = Some(String::new());
            self.push_child(element);
            for c in children {
                self.push_child(c);
            }
        }
    }

    fn finish(mut self) -> Result<Vec<Element>, ParseError> {
        while self.stack.len() > 1 {
            if let Some(top) = self.stack.last()
                && !top.children.is_empty()
                && !dtd::is_wrapper(&top.name)
            {
                return Err(ParseError::new(
                    Position::tag(&top.name, top.line),
                    "is never closed: the file ends inside it (was the download cut short?)",
                ));
            }
            self.end_unclosed();
        }
        Ok(self
            .stack
            .pop()
            .map(|root| root.children)
            .unwrap_or_default())
    }
}

/// Length of a `<?…?>`, `<!--…-->` or `<!…>` at the start of `s`, to skip.
fn skip_markup(s: &str) -> Option<usize> {
    let end = |pat: &str, from: usize| {
        s[from..]
            .find(pat)
            .map_or(s.len(), |i| from + i + pat.len())
    };
    if s.starts_with("<!--") {
        Some(end("-->", 4))
    } else if s.starts_with("<?") {
        Some(end("?>", 2))
    } else if s.starts_with("<!") {
        Some(end(">", 2))
    } else {
        None
    }
}

/// The tag name: up to whitespace or `/`, upper-cased.
fn tag_name(inside: &str) -> String {
    inside
        .trim()
        .split(|c: char| c.is_whitespace() || c == '/')
        .next()
        .unwrap_or("")
        .to_ascii_uppercase()
}

#[cfg(test)]
mod tests;
