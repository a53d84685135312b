#pragma once
// Moving every record of a duplicate client to the client that survives the merge (the rules
// are crm::ClientService::merge's; this is the SQL). Runs inside the caller's write
// transaction.

#include <cstdint>

#include "store/connection.hpp"

namespace laurel::store {

// How many records of each kind moved to the survivor (or, for what the survivor already had,
// were folded into its own).
struct MovedRecords {
  std::int64_t transactions = 0;
  std::int64_t balances = 0;  // daily balances; the same product and day are added up
  std::int64_t visits = 0;
  std::int64_t service_records = 0;
  std::int64_t org_units = 0;
  std::int64_t key_people = 0;
  std::int64_t opportunities = 0;
  std::int64_t targets = 0;         // client targets; the survivor's own win a clash
  std::int64_t coverage_plans = 0;  // only when the survivor had no coverage
};

core::Result<MovedRecords> move_client_records(Connection& db, std::int64_t from, std::int64_t to);

}  // namespace laurel::store
