#pragma once
// The flags as stored (migration 0035): the company's flag set, and each person's first use of
// each CRM function as the recognition engine derived it (crm/flag_set.hpp).

#include <cstdint>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace laurel::store {

struct FlagRow {
  std::string function;
  std::string name;
  std::string colour;
};

struct FirstUseRecord {
  std::int64_t staff_id = 0;
  std::string function;
  std::int64_t event_seq = 0;
  std::int64_t used_at = 0;  // micros
  std::string entity_type;
  std::string entity_id;
  friend bool operator==(const FirstUseRecord&, const FirstUseRecord&) = default;
};

class FlagRepository {
 public:
  explicit FlagRepository(Connection& db) : db_(db) {}

  core::Result<std::vector<FlagRow>> flag_set();
  core::Status replace_flag_set(const std::vector<FlagRow>& flags);

  // Insert-if-absent by person and function; true when it was new.
  core::Result<bool> insert_first_use(const FirstUseRecord& use);
  // A person's first uses, oldest first.
  core::Result<std::vector<FirstUseRecord>> first_uses_of(std::int64_t staff_id);
  // Everyone's first uses recorded in [from, to) (micros), oldest first: a week's parade.
  core::Result<std::vector<FirstUseRecord>> first_uses_between(std::int64_t from, std::int64_t to);
  // Every first use, by person and function: what `laurel replay` compares with the log.
  core::Result<std::vector<FirstUseRecord>> all_first_uses();

 private:
  core::Result<std::vector<FirstUseRecord>> first_uses(std::string_view where,
                                                       std::initializer_list<Value> params);
  Connection& db_;
};

}  // namespace laurel::store
