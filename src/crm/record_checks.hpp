#pragma once
// "Does the record this field names exist?", the same way for every reference a request makes:
// a 400 naming the field and the missing id ("product_ids": "no product 7").

#include <cstdint>
#include <span>
#include <string_view>

#include "core/error.hpp"
#include "store/connection.hpp"

namespace laurel::crm {

enum class RecordKind { client, product, department, staff, campaign, picture };

core::Status check_exists(store::Connection& db, RecordKind kind, std::string_view field,
                          std::int64_t id);
core::Status check_all_exist(store::Connection& db, RecordKind kind, std::string_view field,
                             std::span<const std::int64_t> ids);
// The same, naming the missing one's place in the list: "department_ids[2]".
core::Status check_each_exists(store::Connection& db, RecordKind kind, std::string_view field,
                               std::span<const std::int64_t> ids);

}  // namespace laurel::crm
