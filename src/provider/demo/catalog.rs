//! The household's merchants and fixed bills: who the demo bank's money goes to, what they
//! usually charge, how often, and on which account.

use super::event::Label;

/// A place the household shops at on no fixed schedule.
#[derive(Debug, Clone, Copy)]
pub(super) struct Merchant {
    pub label: Label,
    /// The usual amount range in cents (charged as a negative amount).
    pub lo: i64,
    pub hi: i64,
    /// Chance of a visit on a weekday / on a weekend day, per mille (at most one visit a day).
    pub weekday: u32,
    pub weekend: u32,
    /// Per mille of visits paid by debit card from checking; the rest go on the credit card.
    pub debit: u32,
    /// Sit-down restaurant: the posted amount sometimes includes a tip.
    pub tips: bool,
}

const fn m(
    payee: &'static str,
    raw: &'static str,
    category: &'static str,
    lo: i64,
    hi: i64,
) -> Merchant {
    let label = Label::new(payee, raw, category);
    Merchant {
        label,
        lo,
        hi,
        weekday: 0,
        weekend: 0,
        debit: 0,
        tips: false,
    }
}

impl Merchant {
    const fn visits(self, weekday: u32, weekend: u32) -> Self {
        Merchant {
            weekday,
            weekend,
            ..self
        }
    }
    const fn debit(self, debit: u32) -> Self {
        Merchant { debit, ..self }
    }
    const fn tips(self) -> Self {
        Merchant { tips: true, ..self }
    }
}

/// Index of Blue Bottle Coffee in [`MERCHANTS`] (also used by planted trouble).
pub(super) const BLUE_BOTTLE: usize = 0;
/// Index of Nopalito in [`MERCHANTS`] (the planted tip).
pub(super) const NOPALITO: usize = 7;

/// Every ad-hoc merchant: amounts are uniform in `lo..=hi` cents (from the usual range, far below
/// three times the merchant's median); visits per mille on weekdays and on weekends.
#[rustfmt::skip]
pub(super) const MERCHANTS: &[Merchant] = &[
    m("Blue Bottle Coffee", "BLUE BOTTLE COFFEE #0412 OAKLAND CA", "Coffee", 450, 680).visits(900, 650).debit(300),
    m("Philz Coffee", "PHILZ COFFEE 24TH ST SAN FRANCISCO CA", "Coffee", 375, 725).visits(550, 400),
    m("Peet's Coffee", "PEETS COFFEE #10923 BERKELEY CA", "Coffee", 325, 650).visits(400, 250),
    m("Starbucks", "STARBUCKS STORE 05823 SAN FRANCISCO CA", "Coffee", 295, 695).visits(150, 120),
    m("Sweetgreen", "SWEETGREEN SOMA SAN FRANCISCO CA", "Restaurants", 1295, 1895).visits(420, 60),
    m("Chipotle", "CHIPOTLE 2210 SAN FRANCISCO CA", "Restaurants", 1095, 1645).visits(320, 90),
    m("Souvla", "SOUVLA HAYES VALLEY SAN FRANCISCO CA", "Restaurants", 1650, 3200).visits(60, 150),
    m("Nopalito", "NOPALITO 9TH AVE SAN FRANCISCO CA", "Restaurants", 3600, 7200).visits(30, 110).tips(),
    m("Pizzeria Delfina", "PIZZERIA DELFINA SAN FRANCISCO CA", "Restaurants", 3200, 6400).visits(25, 90).tips(),
    m("Zuni Cafe", "ZUNI CAFE SAN FRANCISCO CA", "Restaurants", 6800, 11800).visits(5, 25).tips(),
    m("DoorDash", "DOORDASH*ORDER SAN FRANCISCO CA", "Restaurants", 2200, 4400).visits(70, 140),
    m("Tartine Bakery", "TARTINE BAKERY GUERRERO SAN FRANCISCO CA", "Restaurants", 650, 1850).visits(340, 400),
    m("Trader Joe's", "TRADER JOE S #236 SAN FRANCISCO CA", "Groceries", 4500, 11500).visits(80, 160),
    m("Safeway", "SAFEWAY #1490 SAN FRANCISCO CA", "Groceries", 3500, 12000).visits(40, 70),
    m("Whole Foods", "WHOLEFDS MKT 10235 SAN FRANCISCO CA", "Groceries", 4000, 12500).visits(35, 70),
    m("Bi-Rite Market", "BI-RITE MARKET SAN FRANCISCO CA", "Groceries", 900, 3400).visits(300, 330),
    m("7-Eleven", "7-ELEVEN 33172 SAN FRANCISCO CA", "Groceries", 250, 1400).visits(130, 150),
    m("Shell", "SHELL OIL 57444213 DALY CITY CA", "Fuel", 3800, 6800).visits(90, 110),
    m("Uber", "UBER *TRIP HELP.UBER.COM CA", "Rideshare", 1150, 3100).visits(130, 220),
    m("Lyft", "LYFT *RIDE LYFT.COM CA", "Rideshare", 1050, 2600).visits(50, 90),
    m("Lime", "LIME*RIDE SAN FRANCISCO CA", "Rideshare", 150, 650).visits(180, 220),
    m("BART", "BART CLIPPER 16TH ST MISSION SF CA", "Public transit", 215, 990).visits(900, 280),
    m("SFMTA Parking", "SFMTA PAYBYPHONE SAN FRANCISCO CA", "Transport", 250, 1200).visits(160, 150),
    m("Amazon", "AMZN MKTP US*2K4RT8 AMZN.COM/BILL WA", "Shopping", 899, 6999).visits(130, 150),
    m("Target", "TARGET 00028415 SAN FRANCISCO CA", "Shopping", 1500, 7500).visits(40, 90),
    m("CVS Pharmacy", "CVS/PHARMACY #09871 SAN FRANCISCO CA", "Pharmacy", 800, 4200).visits(55, 60),
    m("Walgreens", "WALGREENS #4127 SAN FRANCISCO CA", "Pharmacy", 600, 3200).visits(35, 45),
    m("AMC Theatres", "AMC METREON 16 SAN FRANCISCO CA", "Entertainment", 1650, 3400).visits(20, 90),
    m("SFJAZZ", "SFJAZZ CENTER BOX OFFICE SAN FRANCISCO CA", "Entertainment", 4500, 8500).visits(5, 20),
    m("Alaska Airlines", "ALASKA AIR 0272391843210 SEATTLE WA", "Travel", 24000, 36000).visits(3, 3),
    m("Marriott", "MARRIOTT PORTLAND DOWNTOWN PORTLAND OR", "Travel", 28900, 41900).visits(2, 5),
    m("Apple", "APPLE.COM/BILL 866-712-7753 CA", "Software", 99, 999).visits(30, 30),
];

/// How a fixed bill is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pay {
    /// ACH debit from checking, posts at once.
    CheckingAch,
    /// Charged to the credit card, pending for a day or two.
    Card,
}

/// A charge on the same day every month.
#[derive(Debug, Clone, Copy)]
pub(super) struct Monthly {
    pub slot: u32,
    pub label: Label,
    /// Day of month (clamped to the month's length).
    pub day: u32,
    pub cents: i64,
    pub pay: Pay,
}

const fn monthly(
    slot: u32,
    payee: &'static str,
    raw: &'static str,
    category: &'static str,
) -> Monthly {
    let label = Label::new(payee, raw, category);
    Monthly {
        slot,
        label,
        day: 1,
        cents: 0,
        pay: Pay::CheckingAch,
    }
}

impl Monthly {
    const fn on(self, day: u32, cents: i64, pay: Pay) -> Self {
        Monthly {
            day,
            cents,
            pay,
            ..self
        }
    }
}

/// Fixed monthly bills (rent on the 1st, utilities, subscriptions). The electricity bill varies
/// by season and Netflix is scheduled relative to the anchor: both live in `schedule`.
#[rustfmt::skip]
pub(super) const MONTHLY: &[Monthly] = &[
    monthly(2, "Parkside Apartments", "PARKSIDE APTS ACH RENT PMT", "Rent").on(1, 185_000, Pay::CheckingAch),
    monthly(4, "Xfinity", "COMCAST XFINITY ACH PMT 8155400", "Internet").on(18, 7_999, Pay::CheckingAch),
    monthly(5, "Verizon Wireless", "VERIZON WIRELESS PAYMENTS ACH", "Phone").on(22, 6_500, Pay::CheckingAch),
    monthly(11, "Spotify", "SPOTIFY USA 877-778-1161 NY", "Streaming").on(9, 1_199, Pay::Card),
    monthly(12, "Disney+", "DISNEY PLUS 888-905-7888 CA", "Streaming").on(14, 1_399, Pay::Card),
    monthly(13, "Hulu", "HULU 877-8244858 CA", "Streaming").on(26, 799, Pay::Card),
    monthly(14, "iCloud+", "APPLE.COM/BILL ICLOUD 866-712-7753 CA", "Software").on(3, 299, Pay::Card),
    monthly(15, "Planet Fitness", "PLANET FITNESS CLUB FEES 844-880-7180", "Fitness").on(5, 2_499, Pay::Card),
];

/// The electricity bill (PG&E, ACH from checking) on this day of month.
pub(super) const ELECTRIC_DAY: u32 = 12;
/// Typical electricity bill per calendar month (January first), in cents; ±8% each month.
pub(super) const ELECTRIC_BY_MONTH: [i64; 12] = [
    14_200, 12_800, 10_500, 8_800, 8_000, 9_600, 12_800, 13_500, 11_800, 9_200, 10_400, 13_800,
];

/// The net paycheck, every other week into checking.
pub(super) const PAYCHECK_CENTS: i64 = 245_138;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_indices_point_at_their_merchants() {
        assert_eq!(MERCHANTS[BLUE_BOTTLE].label.payee, "Blue Bottle Coffee");
        assert_eq!(MERCHANTS[NOPALITO].label.payee, "Nopalito");
        assert!(MERCHANTS[NOPALITO].tips);
    }

    #[test]
    fn merchants_are_unique_with_sane_ranges() {
        for (i, m) in MERCHANTS.iter().enumerate() {
            assert!(0 < m.lo && m.lo + 2 < m.hi, "{}", m.label.payee);
            assert!(
                MERCHANTS[..i]
                    .iter()
                    .all(|o| o.label.payee != m.label.payee),
                "{} twice",
                m.label.payee
            );
            assert!(
                MONTHLY.iter().all(|b| b.label.payee != m.label.payee),
                "{} is also a bill",
                m.label.payee
            );
        }
    }
}
