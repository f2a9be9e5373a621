//! Plaid's `personal_finance_category` (primary, detailed) → a Purse category name from the
//! default tree in `domain/category.rs`. A hint only: `None` leaves the choice to categorisation.

/// Detailed codes that map to a more specific Purse category than their primary does.
const DETAILED: &[(&str, &str)] = &[
    ("INCOME_WAGES", "Paycheck"),
    ("INCOME_INTEREST_EARNED", "Interest"),
    ("FOOD_AND_DRINK_COFFEE", "Coffee"),
    ("FOOD_AND_DRINK_GROCERIES", "Groceries"),
    ("RENT_AND_UTILITIES_RENT", "Rent"),
    ("RENT_AND_UTILITIES_GAS_AND_ELECTRICITY", "Electricity"),
    ("RENT_AND_UTILITIES_INTERNET_AND_CABLE", "Internet"),
    ("RENT_AND_UTILITIES_TELEPHONE", "Phone"),
    ("RENT_AND_UTILITIES_WATER", "Water"),
    ("TRANSPORTATION_GAS", "Fuel"),
    ("TRANSPORTATION_TAXIS_AND_RIDE_SHARES", "Rideshare"),
    ("TRANSPORTATION_PUBLIC_TRANSIT", "Public transit"),
    ("ENTERTAINMENT_TV_AND_MOVIES", "Streaming"),
    ("ENTERTAINMENT_MUSIC_AND_AUDIO", "Streaming"),
    ("MEDICAL_PHARMACIES_AND_SUPPLEMENTS", "Pharmacy"),
    ("PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS", "Fitness"),
    ("LOAN_PAYMENTS_CREDIT_CARD_PAYMENT", "Credit card payment"),
    ("LOAN_PAYMENTS_MORTGAGE_PAYMENT", "Mortgage"),
    ("GENERAL_SERVICES_AUTOMOTIVE", "Transport"),
];

/// Primary codes (also matched as prefixes of detailed codes) and their Purse category.
const PRIMARY: &[(&str, &str)] = &[
    ("INCOME", "Income"),
    ("TRANSFER_IN", "Transfers"),
    ("TRANSFER_OUT", "Transfers"),
    ("FOOD_AND_DRINK", "Dining"),
    ("RENT_AND_UTILITIES", "Utilities"),
    ("TRANSPORTATION", "Transport"),
    ("TRAVEL", "Travel"),
    ("GENERAL_MERCHANDISE", "Shopping"),
    ("ENTERTAINMENT", "Entertainment"),
    ("MEDICAL", "Health"),
    ("BANK_FEES", "Fees"),
    ("HOME_IMPROVEMENT", "Housing"),
];

/// Maps Plaid's personal finance category to a Purse category name (case-insensitive).
///
/// The detailed code wins when it has a specific mapping (`FOOD_AND_DRINK_COFFEE` → `"Coffee"`);
/// otherwise the primary decides (`FOOD_AND_DRINK` → `"Dining"`). Codes with no sensible Purse
/// category (`GOVERNMENT_AND_NON_PROFIT`, most `GENERAL_SERVICES`, other loan payments, unknown
/// codes) give `None`.
pub fn category_for(primary: &str, detailed: Option<&str>) -> Option<&'static str> {
    let primary = primary.trim().to_ascii_uppercase();
    let detailed = detailed.map(|d| d.trim().to_ascii_uppercase());
    if let Some(d) = detailed.as_deref()
        && let Some((_, name)) = DETAILED.iter().find(|(code, _)| *code == d)
    {
        return Some(name);
    }
    by_primary(&primary).or_else(|| detailed.as_deref().and_then(by_primary))
}

/// The category of a primary code, or of the primary a detailed code starts with.
fn by_primary(code: &str) -> Option<&'static str> {
    PRIMARY
        .iter()
        .find(|(primary, _)| {
            code.strip_prefix(primary)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('_'))
        })
        .map(|(_, name)| *name)
}
