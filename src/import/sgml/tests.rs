//! The tokenizer on the shapes OFX files come in: unclosed, closed and mixed leaves, empty
//! leaves, entities and raw `&`, and the errors for broken files.
#![allow(clippy::unwrap_used)]

use super::*;

fn leaves(e: &Element) -> Vec<(String, String)> {
    e.children
        .iter()
        .filter_map(|c| c.text.clone().map(|t| (c.name.clone(), t)))
        .collect()
}

#[test]
fn unclosed_and_closed_leaves_build_the_same_tree() {
    let sgml = parse("<STMTTRN>\n<TRNTYPE>DEBIT\n<TRNAMT>-1.50\n</STMTTRN>", 1).unwrap();
    let xml = parse(
        "<STMTTRN><TRNTYPE>DEBIT</TRNTYPE><TRNAMT>-1.50</TRNAMT></STMTTRN>",
        1,
    )
    .unwrap();
    let mixed = parse(
        "<STMTTRN><TRNTYPE>DEBIT</TRNTYPE>\n<TRNAMT>-1.50\n</STMTTRN>",
        1,
    )
    .unwrap();
    assert_eq!(leaves(&sgml[0]), leaves(&xml[0]));
    assert_eq!(leaves(&sgml[0]), leaves(&mixed[0]));
    assert_eq!(sgml[0].leaf("TRNAMT"), Some(("-1.50", 3)));
}

#[test]
fn empty_leaves_hand_their_followers_back_to_the_parent() {
    let tree = parse(
        "<STMTTRN>\n<MEMO>\n<NAME>Shop\n<FITID>1\n</STMTTRN>\n<STMTTRN><NAME>B</STMTTRN>",
        1,
    )
    .unwrap();
    assert_eq!(tree.len(), 2);
    let names: Vec<&str> = tree[0].children.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["MEMO", "NAME", "FITID"]);
    assert_eq!(tree[0].leaf("MEMO"), None);
    assert_eq!(tree[0].leaf("FITID"), Some(("1", 4)));
    assert_eq!(tree[1].leaf("NAME"), Some(("B", 6)));
}

#[test]
fn entities_decode_and_raw_ampersands_survive() {
    let tree = parse(
        "<A><NAME>AT&amp;T &#233; &#xE9;</NAME><MEMO>B&B & Sons &x;</A>",
        1,
    )
    .unwrap();
    assert_eq!(tree[0].leaf("NAME"), Some(("AT&T é é", 1)));
    assert_eq!(tree[0].leaf("MEMO"), Some(("B&B & Sons &x;", 1)));
}

#[test]
fn markup_is_skipped_and_names_are_upper_cased() {
    let tree = parse(
        "<?xml version=\"1.0\"?>\n<?OFX OFXHEADER=\"200\"?>\n<!-- hi -->\n<ofx><code>0</code><empty/></ofx>",
        1,
    )
    .unwrap();
    assert_eq!(tree[0].name, "OFX");
    assert_eq!(tree[0].leaf("CODE"), Some(("0", 4)));
    assert_eq!(
        tree[0].child("EMPTY").and_then(|e| e.text.clone()),
        Some(String::new())
    );
}

#[test]
fn broken_files_name_the_tag_and_line() {
    let err = parse("<OFX>\n<A>\n<B>x\n</C>\n</OFX>", 1).unwrap_err();
    assert_eq!(err.at, Position::tag("/C", 4));
    let err = parse("<OFX>\n<BANKTRANLIST>\n<STMTTRN>\n<TRNAMT>1\n", 1).unwrap_err();
    assert_eq!(err.at, Position::tag("STMTTRN", 3));
    assert!(err.message.contains("cut short"), "{err}");
    let err = parse("<OFX>\n<TRNAMT", 1).unwrap_err();
    assert_eq!(err.at.line, Some(2));
    let deep = "<A>".repeat(MAX_DEPTH + 2);
    assert!(parse(&deep, 1).unwrap_err().message.contains("nested"));
}

#[test]
fn line_numbers_count_from_the_body_start() {
    let tree = parse("\n\n<OFX>\n<X>1\n</OFX>", 10).unwrap();
    assert_eq!(tree[0].line, 12);
    assert_eq!(tree[0].leaf("X"), Some(("1", 13)));
}

#[test]
fn an_aggregate_left_open_keeps_what_it_holds() {
    // A Nubank export: `</BANKTRANLIST>` missing, `LEDGERBAL` right after the last transaction.
    let tree = parse(
        "<CCSTMTRS>\n<BANKTRANLIST>\n<DTSTART>20240224\n<STMTTRN>\n<TRNAMT>-1\n</STMTTRN>\n<STMTTRN>\n<TRNAMT>-2\n</STMTTRN>\n<LEDGERBAL>\n<BALAMT>-3\n<DTASOF>20240325\n</LEDGERBAL>\n</CCSTMTRS>",
        1,
    )
    .unwrap();
    let rs = &tree[0];
    let names: Vec<&str> = rs.children.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["BANKTRANLIST", "LEDGERBAL"]);
    let list = rs.child("BANKTRANLIST").unwrap();
    assert_eq!(
        list.children.iter().filter(|c| c.name == "STMTTRN").count(),
        2
    );
    assert_eq!(list.leaf("DTSTART"), Some(("20240224", 3)));
    assert_eq!(
        rs.child("LEDGERBAL").unwrap().leaf("BALAMT"),
        Some(("-3", 11))
    );
}

#[test]
fn an_unclosed_transaction_ends_at_the_next_one() {
    let tree = parse(
        "<BANKTRANLIST>\n<STMTTRN>\n<TRNAMT>-1\n<STMTTRN>\n<TRNAMT>-2\n</BANKTRANLIST>",
        1,
    )
    .unwrap();
    let list = &tree[0];
    let amounts: Vec<_> = list
        .children
        .iter()
        .map(|t| t.leaf("TRNAMT").unwrap().0)
        .collect();
    assert_eq!(amounts, ["-1", "-2"]);
}

#[test]
fn leaves_closed_late_or_in_another_order_are_read() {
    let tree = parse(
        "<STMTTRN><NAME>Shop<MEMO>Card</NAME></MEMO><TRNAMT>-1</TRNAMT></TRNAMT>\n<FITID></FITID><X>1<Y>2</X></Y></STMTTRN>",
        1,
    )
    .unwrap();
    let t = &tree[0];
    assert_eq!(t.leaf("NAME"), Some(("Shop", 1)));
    assert_eq!(t.leaf("MEMO"), Some(("Card", 1)));
    assert_eq!(t.leaf("TRNAMT"), Some(("-1", 1)));
    assert_eq!(t.leaf("FITID"), None);
    assert_eq!((t.leaf("X"), t.leaf("Y")), (Some(("1", 2)), Some(("2", 2))));
}

#[test]
fn an_end_tag_of_an_element_already_ended_is_ignored() {
    // Fidelity: `BALLIST` sits in `INVBAL`, whose end tag follows it.
    let tree = parse(
        "<INVSTMTRS><INVBAL><AVAILCASH>1<BALLIST><BAL><NAME>N<VALUE>2</BAL></BALLIST></INVBAL><X>3</INVSTMTRS>",
        1,
    )
    .unwrap();
    let inv = &tree[0];
    let bal = inv.child("INVBAL").unwrap();
    assert!(bal.child("BALLIST").is_some(), "{inv:?}");
    assert_eq!(inv.leaf("X"), Some(("3", 1)));
    // An aggregate closed twice: the second end tag has nothing left to do.
    let tree = parse("<A><B><C>1</C></B></B></A>", 1).unwrap();
    assert_eq!(tree[0].child("B").unwrap().leaf("C"), Some(("1", 1)));
}

#[test]
fn a_file_missing_only_its_closing_wrappers_is_read() {
    let tree = parse(
        "<OFX>\n<BANKMSGSRSV1>\n<STMTTRNRS>\n<STMTRS>\n<BANKTRANLIST>\n<STMTTRN>\n<TRNAMT>1\n</STMTTRN>\n</BANKTRANLIST>\n</STMTRS>\n",
        1,
    )
    .unwrap();
    let rs = tree[0]
        .child("BANKMSGSRSV1")
        .unwrap()
        .child("STMTTRNRS")
        .unwrap();
    assert!(rs.child("STMTRS").unwrap().child("BANKTRANLIST").is_some());
    // A statement still open is not complete: that stays an error.
    let err = parse(
        "<OFX>\n<STMTTRNRS>\n<STMTRS>\n<BANKTRANLIST>\n</BANKTRANLIST>\n",
        1,
    )
    .unwrap_err();
    assert_eq!(err.at, Position::tag("STMTRS", 3));
}
