#pragma once
// The points ledger as stored (migration 0032): accounts with their balances, journals (one
// posting each, with a natural key) and their entries. Posting is insert-if-absent by natural key
// and moves each account's balance in the same statement batch, inside the caller's transaction;
// the table's CHECKs refuse a status, spendable or held balance below zero or an owed one above,
// so a posting that would break them fails whole (the caller decides the legs so it never does).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace laurel::store {

// owner_kind: system (owner_id 0), staff or department; kind: status, spendable, held, owed,
// status_issuance, issuance, redemption, expiry.
struct PointAccount {
  std::string owner_kind;
  std::int64_t owner_id = 0;
  std::string kind;
  friend bool operator==(const PointAccount&, const PointAccount&) = default;
};

struct PointLeg {
  PointAccount account;
  std::int64_t amount = 0;
};

struct PointJournal {
  std::int64_t id = 0;
  std::string natural_key;
  std::string kind;  // earn, reverse, hold, settle, release, expire
  std::optional<std::int64_t> staff_id;
  std::optional<std::int64_t> rule_id;
  std::optional<std::int64_t> rule_version;
  std::optional<std::string> source_kind;  // visit, trade, order
  std::optional<std::int64_t> source_id;
  std::optional<std::int64_t> event_seq;
  std::optional<std::int64_t> occurred_at;
  std::int64_t posted_at = 0;
  std::int64_t points = 0;
  std::string detail = "{}";  // JSON
  std::vector<PointLeg> legs;
};

struct PersonPoints {
  std::int64_t status = 0;
  std::int64_t spendable = 0;
  std::int64_t held = 0;
  std::int64_t owed = 0;  // what the person owes: minus the owed account's balance
};

class PointLedgerRepository {
 public:
  explicit PointLedgerRepository(Connection& db) : db_(db) {}

  // The journal's id, or nullopt when one with its natural key was posted before (nothing moves).
  core::Result<std::optional<std::int64_t>> post(const PointJournal& journal);
  // An account's balance (0 for one never posted to).
  core::Result<std::int64_t> balance(const PointAccount& account);
  core::Result<PersonPoints> person(std::int64_t staff_id);
  // A person's journals, newest first, before `before_id` (0: from the newest); limit + 1 read.
  core::Result<std::vector<PointJournal>> journals_of(std::int64_t staff_id, std::int64_t before_id,
                                                      int limit);
  core::Result<std::optional<PointJournal>> journal(std::int64_t id);
  // The journals of one award (rule, person, record), oldest first.
  core::Result<std::vector<PointJournal>> award_journals(std::int64_t rule_id,
                                                         std::int64_t staff_id,
                                                         const std::string& source_kind,
                                                         std::int64_t source_id);
  // The journals of one source (a rewards order: "order", its id), oldest first.
  core::Result<std::vector<PointJournal>> source_journals(const std::string& source_kind,
                                                          std::int64_t source_id);
  // Expiry's two sums over a person's spendable account (crm/points_expiry.hpp): the points it was
  // credited in journals posted before `before` (micros), and every point that has left it, all
  // time, as a positive number.
  struct SpendableFlow {
    std::int64_t credited_before = 0;
    std::int64_t debited = 0;
  };
  core::Result<SpendableFlow> spendable_flow(std::int64_t staff_id, std::int64_t before);
  // When the oldest spendable points not used yet were credited: the posted_at of the first credit
  // (in posted order) at which the credits add up to more than `debited`; nullopt when every
  // credited point has left the account.
  core::Result<std::optional<std::int64_t>> oldest_unused_credit(std::int64_t staff_id,
                                                                 std::int64_t debited);
  // Everyone's status points as they stood at `before` (micros): the balances less what was
  // posted from then on (one row per person with a status account).
  core::Result<std::vector<std::pair<std::int64_t, std::int64_t>>> status_before(
      std::int64_t before);
  // The people who have spendable points now, by staff id.
  core::Result<std::vector<std::int64_t>> staff_with_spendable();
  // The highest event seq of any award journal (0: none): awards of events up to it are posted.
  core::Result<std::int64_t> last_award_seq();

  // What `laurel replay` checks. Accounts whose balance is not the sum of their entries, and
  // journals whose legs do not sum to zero in one currency (status points, or spendable ones).
  struct Unbalanced {
    std::string what;  // "account staff/7/spendable", "journal 12"
    std::int64_t stored = 0;
    std::int64_t sum = 0;
  };
  core::Result<std::vector<Unbalanced>> unbalanced();
  // The points each award holds on the ledger: the sum of its earn and reverse journals.
  struct AwardTotal {
    std::int64_t rule_id = 0;
    std::int64_t staff_id = 0;
    std::string source_kind;
    std::int64_t source_id = 0;
    std::int64_t points = 0;
  };
  core::Result<std::vector<AwardTotal>> award_totals();

 private:
  core::Result<std::int64_t> account_id(const PointAccount& account);
  core::Status load_legs(std::vector<PointJournal>& journals);

  Connection& db_;
};

}  // namespace laurel::store
