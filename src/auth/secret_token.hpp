#pragma once
// Bearer secrets: session tokens, API tokens and CSRF tokens.
//
// A token is a type prefix ("lss_" session, "lat_" API token) and 32 random bytes in base64url.
// Only its SHA-256 is stored: the secrets have 256 bits of entropy, so a fast hash is enough and
// a stolen database gives no usable credential.

#include <string>
#include <string_view>

namespace laurel::auth {

inline constexpr std::string_view kSessionPrefix = "lss_";
inline constexpr std::string_view kApiTokenPrefix = "lat_";

std::string generate_token(std::string_view prefix);
// Lower-case hex SHA-256 of the whole token text.
std::string hash_token(std::string_view token);
// Lower-case hex SHA-256 of any text (content fingerprints, such as a transaction's for
// idempotency checks).
std::string sha256_hex(std::string_view text);
// Compares without leaking where two strings differ through timing.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace laurel::auth
