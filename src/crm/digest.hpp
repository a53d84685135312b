#pragma once
// Content digests, as lower-case hex.

#include <string>
#include <string_view>

namespace laurel::crm {

std::string sha256_hex(std::string_view bytes);

}  // namespace laurel::crm
