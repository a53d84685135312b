#include "store/point_ledger_repository.hpp"

namespace laurel::store {
namespace {

constexpr std::string_view kColumns =
    "id, natural_key, kind, staff_id, rule_id, rule_version, source_kind, source_id, event_seq, "
    "occurred_at, posted_at, points, detail";

PointJournal journal_of(const Row& r) {
  PointJournal j;
  j.id = r.integer(0);
  j.natural_key = r.text(1);
  j.kind = r.text(2);
  j.staff_id = r.optional_integer(3);
  j.rule_id = r.optional_integer(4);
  j.rule_version = r.optional_integer(5);
  j.source_kind = r.optional_text(6);
  j.source_id = r.optional_integer(7);
  j.event_seq = r.optional_integer(8);
  j.occurred_at = r.optional_integer(9);
  j.posted_at = r.integer(10);
  j.points = r.integer(11);
  j.detail = r.text(12);
  return j;
}

std::string select_journals(std::string_view where) {
  return "SELECT " + std::string(kColumns) + " FROM point_journals " + std::string(where);
}

}  // namespace

core::Result<std::int64_t> PointLedgerRepository::account_id(const PointAccount& a) {
  auto inserted = db_.query(
      "INSERT INTO point_accounts (owner_kind, owner_id, kind) VALUES ($1, $2, $3) "
      "ON CONFLICT (owner_kind, owner_id, kind) DO NOTHING",
      {a.owner_kind, a.owner_id, a.kind});
  if (!inserted) return inserted.error();
  auto rows = db_.query(
      "SELECT id FROM point_accounts WHERE owner_kind = $1 AND owner_id = $2 AND kind = $3",
      {a.owner_kind, a.owner_id, a.kind});
  if (!rows) return rows.error();
  return rows->front().integer(0);
}

core::Result<std::optional<std::int64_t>> PointLedgerRepository::post(const PointJournal& j) {
  auto rows = db_.query(
      "INSERT INTO point_journals (natural_key, kind, staff_id, rule_id, rule_version, "
      "source_kind, source_id, event_seq, occurred_at, posted_at, points, detail) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
      "ON CONFLICT (natural_key) DO NOTHING RETURNING id",
      {j.natural_key, j.kind, nullable(j.staff_id), nullable(j.rule_id), nullable(j.rule_version),
       nullable(j.source_kind), nullable(j.source_id), nullable(j.event_seq),
       nullable(j.occurred_at), j.posted_at, j.points, j.detail});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<std::int64_t>();
  const auto id = rows->front().integer(0);
  for (const auto& leg : j.legs) {
    if (leg.amount == 0) continue;
    auto account = account_id(leg.account);
    if (!account) return account.error();
    auto entry =
        db_.query("INSERT INTO point_entries (journal_id, account_id, amount) VALUES ($1, $2, $3)",
                  {id, *account, leg.amount});
    if (!entry) return entry.error();
    auto moved = db_.query("UPDATE point_accounts SET balance = balance + $1 WHERE id = $2",
                           {leg.amount, *account});
    if (!moved) return moved.error();
  }
  return std::optional(id);
}

core::Result<std::int64_t> PointLedgerRepository::balance(const PointAccount& a) {
  auto rows = db_.query(
      "SELECT balance FROM point_accounts WHERE owner_kind = $1 AND owner_id = $2 AND kind = $3",
      {a.owner_kind, a.owner_id, a.kind});
  if (!rows) return rows.error();
  return rows->empty() ? 0 : rows->front().integer(0);
}

core::Result<PersonPoints> PointLedgerRepository::person(std::int64_t staff_id) {
  auto rows = db_.query(
      "SELECT kind, balance FROM point_accounts WHERE owner_kind = 'staff' AND owner_id = $1",
      {staff_id});
  if (!rows) return rows.error();
  PersonPoints out;
  for (const auto& r : *rows) {
    const auto& kind = r.text(0);
    const auto value = r.integer(1);
    if (kind == "status") out.status = value;
    if (kind == "spendable") out.spendable = value;
    if (kind == "held") out.held = value;
    if (kind == "owed") out.owed = -value;
  }
  return out;
}

core::Status PointLedgerRepository::load_legs(std::vector<PointJournal>& journals) {
  for (auto& j : journals) {
    auto rows = db_.query(
        "SELECT a.owner_kind, a.owner_id, a.kind, e.amount FROM point_entries e "
        "JOIN point_accounts a ON a.id = e.account_id WHERE e.journal_id = $1 ORDER BY e.id",
        {j.id});
    if (!rows) return rows.error();
    for (const auto& r : *rows)
      j.legs.push_back({{r.text(0), r.integer(1), r.text(2)}, r.integer(3)});
  }
  return {};
}

core::Result<std::vector<PointJournal>> PointLedgerRepository::journals_of(std::int64_t staff_id,
                                                                           std::int64_t before_id,
                                                                           int limit) {
  auto rows =
      db_.query(select_journals("WHERE staff_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3"),
                {staff_id, before_id > 0 ? before_id : INT64_MAX, std::int64_t{limit} + 1});
  if (!rows) return rows.error();
  std::vector<PointJournal> out;
  for (const auto& r : *rows)
    out.push_back(journal_of(r));
  if (auto s = load_legs(out); !s) return s.error();
  return out;
}

core::Result<std::optional<PointJournal>> PointLedgerRepository::journal(std::int64_t id) {
  auto rows = db_.query(select_journals("WHERE id = $1"), {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<PointJournal>();
  std::vector<PointJournal> one{journal_of(rows->front())};
  if (auto s = load_legs(one); !s) return s.error();
  return std::optional(std::move(one.front()));
}

core::Result<std::vector<PointJournal>> PointLedgerRepository::award_journals(
    std::int64_t rule_id, std::int64_t staff_id, const std::string& source_kind,
    std::int64_t source_id) {
  auto rows = db_.query(select_journals("WHERE rule_id = $1 AND staff_id = $2 AND "
                                        "source_kind = $3 AND source_id = $4 ORDER BY id"),
                        {rule_id, staff_id, source_kind, source_id});
  if (!rows) return rows.error();
  std::vector<PointJournal> out;
  for (const auto& r : *rows)
    out.push_back(journal_of(r));
  return out;
}

core::Result<std::vector<PointJournal>> PointLedgerRepository::source_journals(
    const std::string& source_kind, std::int64_t source_id) {
  auto rows = db_.query(
      select_journals("WHERE source_kind = $1 AND source_id = $2 AND rule_id IS NULL ORDER BY id"),
      {source_kind, source_id});
  if (!rows) return rows.error();
  std::vector<PointJournal> out;
  for (const auto& r : *rows)
    out.push_back(journal_of(r));
  return out;
}

namespace {

// A person's spendable entries with the journal each belongs to.
constexpr std::string_view kSpendableEntries =
    "FROM point_entries e JOIN point_accounts a ON a.id = e.account_id "
    "JOIN point_journals j ON j.id = e.journal_id "
    "WHERE a.owner_kind = 'staff' AND a.owner_id = $1 AND a.kind = 'spendable'";

}  // namespace

core::Result<PointLedgerRepository::SpendableFlow> PointLedgerRepository::spendable_flow(
    std::int64_t staff_id, std::int64_t before) {
  auto rows = db_.query(
      "SELECT COALESCE(SUM(CASE WHEN e.amount > 0 AND j.posted_at < $2 THEN e.amount END), 0), "
      "COALESCE(SUM(CASE WHEN e.amount < 0 THEN -e.amount END), 0) " +
          std::string(kSpendableEntries),
      {staff_id, before});
  if (!rows) return rows.error();
  return SpendableFlow{rows->front().integer(0), rows->front().integer(1)};
}

core::Result<std::optional<std::int64_t>> PointLedgerRepository::oldest_unused_credit(
    std::int64_t staff_id, std::int64_t debited) {
  auto rows = db_.query(
      "SELECT posted_at FROM (SELECT j.posted_at, SUM(e.amount) OVER "
      "(ORDER BY j.posted_at, e.id ROWS UNBOUNDED PRECEDING) AS credited " +
          std::string(kSpendableEntries) +
          " AND e.amount > 0) c WHERE credited > $2 ORDER BY posted_at LIMIT 1",
      {staff_id, debited});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<std::int64_t>();
  return std::optional(rows->front().integer(0));
}

core::Result<std::vector<std::pair<std::int64_t, std::int64_t>>>
PointLedgerRepository::status_before(std::int64_t before) {
  // Back from the balances as they are by what was posted since (one statement: one snapshot),
  // so a recent week reads the few journals of the days since it, not the whole ledger. The
  // journals are picked by the IN list so the planner starts from point_journals_posted_at.
  auto rows = db_.query(
      "SELECT a.owner_id, a.balance - COALESCE(later.amount, 0) FROM point_accounts a "
      "LEFT JOIN (SELECT e.account_id, SUM(e.amount) AS amount FROM point_entries e "
      "WHERE e.journal_id IN (SELECT id FROM point_journals WHERE posted_at >= $1) "
      "GROUP BY e.account_id) later ON later.account_id = a.id "
      "WHERE a.owner_kind = 'staff' AND a.kind = 'status' ORDER BY a.owner_id",
      {before});
  if (!rows) return rows.error();
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  out.reserve(rows->size());
  for (const auto& r : *rows)
    out.emplace_back(r.integer(0), r.integer(1));
  return out;
}

core::Result<std::vector<std::int64_t>> PointLedgerRepository::staff_with_spendable() {
  auto rows = db_.query(
      "SELECT owner_id FROM point_accounts WHERE owner_kind = 'staff' AND kind = 'spendable' "
      "AND balance > 0 ORDER BY owner_id");
  if (!rows) return rows.error();
  std::vector<std::int64_t> out;
  out.reserve(rows->size());
  for (const auto& r : *rows)
    out.push_back(r.integer(0));
  return out;
}

core::Result<std::int64_t> PointLedgerRepository::last_award_seq() {
  auto rows = db_.query(
      "SELECT COALESCE(MAX(event_seq), 0) FROM point_journals WHERE kind IN ('earn', 'reverse')");
  if (!rows) return rows.error();
  return rows->front().integer(0);
}

core::Result<std::vector<PointLedgerRepository::Unbalanced>> PointLedgerRepository::unbalanced() {
  std::vector<Unbalanced> out;
  auto accounts = db_.query(
      "SELECT a.owner_kind, a.owner_id, a.kind, a.balance, COALESCE(SUM(e.amount), 0) "
      "FROM point_accounts a LEFT JOIN point_entries e ON e.account_id = a.id "
      "GROUP BY a.id HAVING a.balance <> COALESCE(SUM(e.amount), 0) ORDER BY a.id");
  if (!accounts) return accounts.error();
  for (const auto& r : *accounts) {
    out.push_back({"account " + r.text(0) + "/" + std::to_string(r.integer(1)) + "/" + r.text(2),
                   r.integer(3), r.integer(4)});
  }
  auto journals = db_.query(
      "SELECT e.journal_id, SUM(e.amount) FROM point_entries e "
      "JOIN point_accounts a ON a.id = e.account_id "
      "GROUP BY e.journal_id, a.kind IN ('status', 'status_issuance') "
      "HAVING SUM(e.amount) <> 0 ORDER BY e.journal_id");
  if (!journals) return journals.error();
  for (const auto& r : *journals)
    out.push_back({"journal " + std::to_string(r.integer(0)), 0, r.integer(1)});
  return out;
}

core::Result<std::vector<PointLedgerRepository::AwardTotal>> PointLedgerRepository::award_totals() {
  auto rows = db_.query(
      "SELECT rule_id, staff_id, source_kind, source_id, SUM(points) FROM point_journals "
      "WHERE kind IN ('earn', 'reverse') "
      "GROUP BY rule_id, staff_id, source_kind, source_id "
      "ORDER BY rule_id, staff_id, source_kind, source_id");
  if (!rows) return rows.error();
  std::vector<AwardTotal> out;
  out.reserve(rows->size());
  for (const auto& r : *rows)
    out.push_back({r.optional_integer(0).value_or(0),  // 0: a challenge's reward, no rule
                   r.integer(1), r.text(2), r.integer(3), r.integer(4)});
  return out;
}

}  // namespace laurel::store
