//! How deep an XML document nests, counted during a streaming (non-recursive) pass.

/// The deepest element nesting read from an XML document (feeds, OPML). Real feeds
/// nest about 6 deep (`rss/channel/item/podcast:person`), XHTML content a few more;
/// the `rss` crate overflows a thread's stack at a few thousand.
pub const MAX_XML_DEPTH: usize = 100;

/// A document nests deeper than [`MAX_XML_DEPTH`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("its elements are nested more than {max} deep")]
pub struct TooDeep {
    /// The limit that was passed.
    pub max: usize,
}

/// Counts open elements while a streaming reader walks a document: call
/// [`XmlDepth::open`] on each start tag (not on empty ones) and [`XmlDepth::close`]
/// on each end tag.
#[derive(Debug, Clone, Copy)]
pub struct XmlDepth {
    depth: usize,
    max: usize,
}

impl Default for XmlDepth {
    fn default() -> Self {
        XmlDepth::new(MAX_XML_DEPTH)
    }
}

impl XmlDepth {
    /// A counter refusing more than `max` open elements.
    pub fn new(max: usize) -> Self {
        XmlDepth { depth: 0, max }
    }

    /// One more element is open; an error when that passes the limit.
    pub fn open(&mut self) -> Result<(), TooDeep> {
        self.depth += 1;
        if self.depth > self.max {
            return Err(TooDeep { max: self.max });
        }
        Ok(())
    }

    /// How many elements are open.
    pub fn current(&self) -> usize {
        self.depth
    }

    /// One element closed (a stray end tag at the top level counts for nothing).
    pub fn close(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_open_elements_against_the_limit() {
        let mut depth = XmlDepth::new(2);
        assert_eq!(depth.open(), Ok(()));
        assert_eq!(depth.open(), Ok(()));
        depth.close();
        assert_eq!(depth.open(), Ok(()));
        assert_eq!(depth.open(), Err(TooDeep { max: 2 }));
    }

    #[test]
    fn stray_end_tags_do_not_earn_depth() {
        let mut depth = XmlDepth::new(1);
        depth.close();
        depth.close();
        assert_eq!(depth.open(), Ok(()));
        assert!(depth.open().is_err());
    }
}
