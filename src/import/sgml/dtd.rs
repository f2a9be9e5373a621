//! The little of the OFX DTD the tokenizer needs to read files whose end tags are missing or out
//! of order, as SGML parsers (libofx) and ofxparse do:
//!
//! - **leaves** never hold elements, so `<MEMO>` followed by a tag is an empty `MEMO`, and a
//!   stray `</MEMO>` (a leaf closed late, or twice) closes nothing that matters;
//! - **aggregates** hold elements, so one left open (`<BANKTRANLIST>` without its end tag) still
//!   owns what was read inside it when its parent closes;
//! - some aggregates can only sit in certain **parents**: opening `<LEDGERBAL>` while a
//!   `BANKTRANLIST` or a `STMTTRN` is still open inside `STMTRS` ends those first, and a second
//!   `<STMTTRN>` ends the first.
//!
//! Elements not listed (Intuit's `INTU.*`, newer or private tags) keep the generic rule: one
//! followed by text is a leaf, one followed by a tag is an aggregate until shown otherwise.

/// Aggregates and the parents they can appear in (empty: anywhere). Banking, credit card,
/// sign-on, and the investment wrappers that must be recognised to be stepped over.
const AGGREGATES: &[(&str, &[&str])] = &[
    ("OFX", &[]),
    ("SIGNONMSGSRSV1", &["OFX"]),
    ("SONRS", &["SIGNONMSGSRSV1"]),
    ("FI", &["SONRS"]),
    ("STATUS", &[]),
    ("BANKMSGSRSV1", &["OFX"]),
    ("CREDITCARDMSGSRSV1", &["OFX"]),
    ("INVSTMTMSGSRSV1", &["OFX"]),
    ("SECLISTMSGSRSV1", &["OFX"]),
    ("SIGNUPMSGSRSV1", &["OFX"]),
    ("STMTTRNRS", &["BANKMSGSRSV1"]),
    ("CCSTMTTRNRS", &["CREDITCARDMSGSRSV1"]),
    ("INVSTMTTRNRS", &["INVSTMTMSGSRSV1"]),
    ("STMTRS", &["STMTTRNRS", "BANKMSGSRSV1"]),
    ("CCSTMTRS", &["CCSTMTTRNRS", "CREDITCARDMSGSRSV1"]),
    ("INVSTMTRS", &["INVSTMTTRNRS", "INVSTMTMSGSRSV1"]),
    ("BANKACCTFROM", &["STMTRS", "STMTRQ"]),
    ("CCACCTFROM", &["CCSTMTRS", "CCSTMTRQ"]),
    ("BANKTRANLIST", &["STMTRS", "CCSTMTRS"]),
    ("LEDGERBAL", &["STMTRS", "CCSTMTRS"]),
    ("AVAILBAL", &["STMTRS", "CCSTMTRS"]),
    ("BALLIST", &["STMTRS", "CCSTMTRS", "INVBAL"]),
    ("STMTTRN", &["BANKTRANLIST", "INVBANKTRAN"]),
    ("PAYEE", &["STMTTRN"]),
    ("BANKACCTTO", &["STMTTRN"]),
    ("CCACCTTO", &["STMTTRN"]),
    ("CURRENCY", &[]),
    ("ORIGCURRENCY", &[]),
    ("BAL", &["BALLIST"]),
    ("INVACCTFROM", &[]),
    ("INVTRANLIST", &["INVSTMTRS"]),
    ("INVBANKTRAN", &["INVTRANLIST"]),
    ("INVPOSLIST", &["INVSTMTRS"]),
    ("INVBAL", &["INVSTMTRS"]),
];

/// Leaves of the aggregates above.
const LEAVES: &[&str] = &[
    "CODE",
    "SEVERITY",
    "MESSAGE",
    "DTSERVER",
    "USERKEY",
    "TSKEYEXPIRE",
    "LANGUAGE",
    "DTPROFUP",
    "DTACCTUP",
    "SESSCOOKIE",
    "ACCESSKEY",
    "ORG",
    "FID",
    "TRNUID",
    "CLTCOOKIE",
    "CURDEF",
    "BANKID",
    "BRANCHID",
    "ACCTID",
    "ACCTTYPE",
    "ACCTKEY",
    "DTSTART",
    "DTEND",
    "TRNTYPE",
    "DTPOSTED",
    "DTUSER",
    "DTAVAIL",
    "TRNAMT",
    "FITID",
    "CORRECTFITID",
    "CORRECTACTION",
    "SRVRTID",
    "CHECKNUM",
    "REFNUM",
    "SIC",
    "PAYEEID",
    "NAME",
    "EXTDNAME",
    "MEMO",
    "INV401KSOURCE",
    "CURRATE",
    "CURSYM",
    "BALAMT",
    "DTASOF",
    "MKTGINFO",
    "DESC",
    "BALTYPE",
    "VALUE",
    "ADDR1",
    "ADDR2",
    "ADDR3",
    "CITY",
    "STATE",
    "POSTALCODE",
    "COUNTRY",
    "PHONE",
];

/// True for an element that holds other elements.
pub fn is_aggregate(name: &str) -> bool {
    AGGREGATES.iter().any(|(n, _)| *n == name)
}

/// True for an element that never holds other elements.
pub fn is_leaf(name: &str) -> bool {
    LEAVES.contains(&name)
}

/// The parents `name` can appear in; empty when it is not restricted (or not known).
pub fn parents(name: &str) -> &'static [&'static str] {
    AGGREGATES
        .iter()
        .find(|(n, _)| *n == name)
        .map_or(&[], |(_, p)| p)
}

/// Aggregates that only wrap statements: left open at the end of a file, nothing inside them is
/// missing (a statement still open is).
pub fn is_wrapper(name: &str) -> bool {
    matches!(
        name,
        "OFX"
            | "SIGNONMSGSRSV1"
            | "BANKMSGSRSV1"
            | "CREDITCARDMSGSRSV1"
            | "INVSTMTMSGSRSV1"
            | "SECLISTMSGSRSV1"
            | "STMTTRNRS"
            | "CCSTMTTRNRS"
            | "INVSTMTTRNRS"
    )
}
