-- Crypto-currencies keep eight decimals. Until now every currency code other than the ISO 4217
-- zero- and three-decimal ones was stored in hundredths, so Plaid's three-letter crypto codes
-- (BTC, ETH, …) were rounded to 0.01 on the way in. Their exponent is now 8: stored amounts in
-- those codes are rescaled from hundredths to hundred-millionths so they keep their value (what
-- was rounded away before cannot be recovered; the provider's next report of a row restores it).
-- Four-letter codes (DOGE, USDT, …) could not be stored before, so they need nothing.
-- month_totals follows the transactions through its update trigger.

UPDATE transactions SET amount_minor = amount_minor * 1000000
 WHERE currency IN ('ADA', 'BAT', 'BCH', 'BNB', 'BSV', 'BTC', 'BTG', 'ETC', 'ETH', 'LSK', 'NEO',
                    'OMG', 'XLM', 'XMR', 'XRP', 'ZEC', 'ZRX');

UPDATE accounts SET balance_minor = balance_minor * 1000000,
                    available_minor = available_minor * 1000000,
                    limit_minor = limit_minor * 1000000
 WHERE currency IN ('ADA', 'BAT', 'BCH', 'BNB', 'BSV', 'BTC', 'BTG', 'ETC', 'ETH', 'LSK', 'NEO',
                    'OMG', 'XLM', 'XMR', 'XRP', 'ZEC', 'ZRX');

UPDATE bills SET amount_minor = amount_minor * 1000000, minimum_minor = minimum_minor * 1000000
 WHERE currency IN ('ADA', 'BAT', 'BCH', 'BNB', 'BSV', 'BTC', 'BTG', 'ETC', 'ETH', 'LSK', 'NEO',
                    'OMG', 'XLM', 'XMR', 'XRP', 'ZEC', 'ZRX');

UPDATE budgets SET amount_minor = amount_minor * 1000000
 WHERE currency IN ('ADA', 'BAT', 'BCH', 'BNB', 'BSV', 'BTC', 'BTG', 'ETC', 'ETH', 'LSK', 'NEO',
                    'OMG', 'XLM', 'XMR', 'XRP', 'ZEC', 'ZRX');

UPDATE rules SET min_minor = min_minor * 1000000, max_minor = max_minor * 1000000
 WHERE currency IN ('ADA', 'BAT', 'BCH', 'BNB', 'BSV', 'BTC', 'BTG', 'ETC', 'ETH', 'LSK', 'NEO',
                    'OMG', 'XLM', 'XMR', 'XRP', 'ZEC', 'ZRX');

UPDATE statement_balances SET amount_minor = amount_minor * 1000000
 WHERE currency IN ('ADA', 'BAT', 'BCH', 'BNB', 'BSV', 'BTC', 'BTG', 'ETC', 'ETH', 'LSK', 'NEO',
                    'OMG', 'XLM', 'XMR', 'XRP', 'ZEC', 'ZRX');

UPDATE manual_bills SET amount_minor = amount_minor * 1000000
 WHERE currency IN ('ADA', 'BAT', 'BCH', 'BNB', 'BSV', 'BTC', 'BTG', 'ETC', 'ETH', 'LSK', 'NEO',
                    'OMG', 'XLM', 'XMR', 'XRP', 'ZEC', 'ZRX');
