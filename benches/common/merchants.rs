//! The generated household's data: merchants (with categories, price ranges and how often they
//! are paid), the ten accounts on two connections and the cities in bank descriptions.

use purse::domain::AccountKind;

/// (payee, category, cents low, cents high, weight).
pub const MERCHANTS: &[(&str, &str, i64, i64, u64)] = &[
    ("Blue Bottle Coffee", "Coffee", 350, 900, 40),
    ("Philz Coffee", "Coffee", 300, 800, 35),
    ("Starbucks", "Coffee", 300, 1_200, 30),
    ("Sweetgreen", "Restaurants", 1_100, 1_900, 20),
    ("Chipotle", "Restaurants", 900, 1_600, 20),
    ("Tartine Bakery", "Restaurants", 600, 2_400, 15),
    ("Nopalito", "Restaurants", 2_500, 9_000, 8),
    ("The Smith", "Restaurants", 4_000, 16_000, 5),
    ("DoorDash", "Restaurants", 1_800, 6_500, 12),
    ("Trader Joe's", "Groceries", 2_000, 12_000, 18),
    ("Safeway", "Groceries", 1_500, 15_000, 15),
    ("Whole Foods", "Groceries", 2_500, 20_000, 12),
    ("Costco", "Groceries", 8_000, 35_000, 5),
    ("Bi-Rite Market", "Groceries", 800, 6_000, 10),
    ("7-Eleven", "Groceries", 300, 2_500, 10),
    ("Shell", "Fuel", 3_000, 8_000, 10),
    ("Chevron", "Fuel", 3_000, 8_500, 8),
    ("BART", "Public transit", 250, 1_200, 25),
    ("Clipper", "Public transit", 2_000, 8_600, 4),
    ("Uber", "Rideshare", 900, 4_500, 12),
    ("Lyft", "Rideshare", 900, 4_200, 8),
    ("Amazon", "Shopping", 900, 15_000, 20),
    ("Target", "Shopping", 1_500, 12_000, 10),
    ("IKEA", "Shopping", 2_000, 60_000, 2),
    ("Apple Store", "Shopping", 1_000, 150_000, 1),
    ("REI", "Shopping", 2_500, 30_000, 2),
    ("Walgreens", "Pharmacy", 500, 6_000, 8),
    ("CVS Pharmacy", "Pharmacy", 500, 5_000, 6),
    ("Planet Fitness", "Fitness", 2_499, 2_499, 1),
    ("ClassPass", "Fitness", 1_500, 4_900, 2),
    ("Netflix", "Streaming", 1_549, 1_799, 1),
    ("Spotify", "Streaming", 1_199, 1_199, 1),
    ("Hulu", "Streaming", 799, 799, 1),
    ("GitHub", "Software", 400, 2_100, 1),
    ("iCloud+", "Software", 299, 299, 1),
    ("PG&E", "Electricity", 6_000, 24_000, 1),
    ("Comcast", "Internet", 7_999, 8_999, 1),
    ("Verizon Wireless", "Phone", 6_500, 9_500, 1),
    ("SF Water", "Water", 4_000, 9_000, 1),
    ("AMC Theatres", "Entertainment", 1_500, 4_500, 4),
    ("Ticketmaster", "Entertainment", 4_000, 30_000, 1),
    ("Steam", "Entertainment", 500, 6_000, 3),
    ("United Airlines", "Travel", 15_000, 90_000, 1),
    ("Airbnb", "Travel", 20_000, 150_000, 1),
    ("Marriott", "Travel", 15_000, 60_000, 1),
    ("Bank fee", "Fees", 500, 3_500, 1),
    ("Parkside Apartments", "Rent", 185_000, 185_000, 1),
    ("Acme Corp Payroll", "Paycheck", 285_000, 320_000, 3),
    ("Interest", "Interest", 100, 2_500, 1),
    ("Transfer", "Savings transfer", 10_000, 200_000, 2),
];

/// (connection, name, kind): ten accounts on two connections.
pub const ACCOUNTS: &[(i64, &str, AccountKind)] = &[
    (1, "Everyday Checking", AccountKind::Checking),
    (1, "Joint Checking", AccountKind::Checking),
    (1, "High-Yield Savings", AccountKind::Savings),
    (1, "Emergency Fund", AccountKind::Savings),
    (1, "Sapphire Visa", AccountKind::CreditCard),
    (2, "Amex Gold", AccountKind::CreditCard),
    (2, "Amex Blue Cash", AccountKind::CreditCard),
    (2, "Costco Citi Visa", AccountKind::CreditCard),
    (2, "Brokerage", AccountKind::Investment),
    (2, "Car Loan", AccountKind::Loan),
];

pub const CITIES: &[&str] = &[
    "SAN FRANCISCO CA",
    "OAKLAND CA",
    "BERKELEY CA",
    "DALY CITY CA",
];
