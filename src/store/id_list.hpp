#pragma once
// A list of record ids kept in one text column, "3,17" ("" for none). Good news fences it
// (",3,17,") so that LIKE '%,3,%' finds one id; reading skips the empty items either way.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace laurel::store {

std::string id_list_text(const std::vector<std::int64_t>& ids);
std::vector<std::int64_t> id_list_of(std::string_view text);

}  // namespace laurel::store
