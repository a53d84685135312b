#pragma once
// What the engine's awards post to the double-entry points ledger
// (store/point_ledger_repository.hpp). Every award change is one journal, with two currencies:
//
//   status points (never spent; they make levels):  status_issuance -d, person's status +d
//   spendable points (the branded currency):        issuance -d, person's spendable +d
//
// An award that grows pays what the person owes first (a clawback's debt): owed +min(d, owed),
// spendable + the rest. An award that shrinks — a correction or a cancellation — reverses in
// full: what is still spendable is taken back, and whatever was already spent becomes owed
// (owed -rest), so no balance goes below zero and nothing is forgiven silently.
// Natural keys ("award/<rule>/<person>/<visit|trade>/<record>/<seq>", seq the event whose fold
// made the change) make posting insert-if-absent.

#include <cstdint>
#include <string>

#include "engine/points_book.hpp"
#include "store/connection.hpp"
#include "store/point_ledger_repository.hpp"

namespace laurel::crm {

std::string_view to_string(engine::SourceKind kind);  // visit, trade
std::string award_key(const engine::AwardChange& change);
store::PointAccount staff_account(std::int64_t staff_id, std::string kind);
store::PointAccount system_account(std::string kind);

// Posts one award change at `posted_at` (micros); false when its journal was posted before.
core::Result<bool> post_award(store::Connection& db, const engine::AwardChange& change,
                              std::int64_t posted_at);

}  // namespace laurel::crm
