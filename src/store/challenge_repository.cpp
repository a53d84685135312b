#include "store/challenge_repository.hpp"

namespace laurel::store {

core::Result<std::int64_t> ChallengeRepository::insert(const std::string& name,
                                                       std::string_view subject,
                                                       std::int64_t ends_at,
                                                       std::optional<std::int64_t> created_by,
                                                       std::int64_t at) {
  auto rows = db_.query(
      "INSERT INTO challenges (name, subject, definition, ends_at, created_by, created_at) "
      "VALUES ($1, $2, '{}', $3, $4, $5) RETURNING id",
      {name, std::string(subject), ends_at, nullable(created_by), at});
  if (!rows) return rows.error();
  return rows->front().integer(0);
}

core::Status ChallengeRepository::add_participant(const ChallengeParticipant& p) {
  auto rows =
      db_.query("INSERT INTO challenge_participants (challenge_id, subject_id) VALUES ($1, $2)",
                {p.challenge_id, p.subject_id});
  if (!rows) return rows.error();
  return {};
}

core::Status ChallengeRepository::set_definition(std::int64_t id, const std::string& definition) {
  auto rows = db_.query("UPDATE challenges SET definition = $2 WHERE id = $1", {id, definition});
  if (!rows) return rows.error();
  return {};
}

namespace {

ChallengeRow row_of(const Row& r) {
  return {r.integer(0), r.text(1), r.optional_integer(2), r.optional_integer(3)};
}

}  // namespace

core::Result<std::optional<ChallengeRow>> ChallengeRepository::find(std::int64_t id) {
  auto rows = db_.query(
      "SELECT id, definition, cancelled_at, cancelled_by FROM challenges WHERE id = $1", {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<ChallengeRow>();
  return std::optional(row_of(rows->front()));
}

core::Result<std::vector<ChallengeRow>> ChallengeRepository::list(
    ChallengeFilter filter, std::int64_t now, const std::optional<ChallengesOf>& of,
    std::int64_t before_id, int limit) {
  std::string where = "($1 = 0 OR id < $1)";
  std::vector<Value> params{before_id, std::int64_t{limit} + 1};
  if (filter == ChallengeFilter::open) where += " AND cancelled_at IS NULL AND ends_at > $3";
  if (filter == ChallengeFilter::closed) {
    where += " AND (cancelled_at IS NOT NULL OR ends_at <= $3)";
  }
  params.emplace_back(now);  // $3, whether the filter reads it or not
  if (filter == ChallengeFilter::all) where += " AND $3 = $3";
  if (of) {
    where +=
        " AND (subject = 'company' OR EXISTS (SELECT 1 FROM challenge_participants p "
        "WHERE p.challenge_id = challenges.id AND ((subject IN ('staff', 'group') AND "
        "p.subject_id = $4) OR "
        "(subject = 'department' AND $5 LIKE '%,' || p.subject_id || ',%'))))";
    params.emplace_back(of->staff_id);
    params.emplace_back(of->departments);
  }
  auto rows = db_.query("SELECT id, definition, cancelled_at, cancelled_by FROM challenges WHERE " +
                            where + " ORDER BY id DESC LIMIT $2",
                        params);
  if (!rows) return rows.error();
  std::vector<ChallengeRow> out;
  for (const auto& r : *rows)
    out.push_back(row_of(r));
  return out;
}

core::Result<std::vector<ChallengeRow>> ChallengeRepository::ending_after(std::int64_t after,
                                                                          int limit) {
  auto rows = db_.query(
      "SELECT id, definition, cancelled_at, cancelled_by FROM challenges WHERE ends_at > $1 "
      "ORDER BY id LIMIT $2",
      {after, std::int64_t{limit}});
  if (!rows) return rows.error();
  std::vector<ChallengeRow> out;
  for (const auto& r : *rows)
    out.push_back(row_of(r));
  return out;
}

core::Result<bool> ChallengeRepository::cancel(std::int64_t id, std::optional<std::int64_t> by,
                                               std::int64_t at) {
  auto rows = db_.query(
      "UPDATE challenges SET cancelled_at = $2, cancelled_by = $3 "
      "WHERE id = $1 AND cancelled_at IS NULL RETURNING id",
      {id, at, nullable(by)});
  if (!rows) return rows.error();
  return !rows->empty();
}

}  // namespace laurel::store
