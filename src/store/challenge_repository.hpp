#pragma once
// Challenges as stored (migration 0038): each definition as the API gives it, and whether it was
// called off (crm/challenge.hpp). Where participants stand is the engine's, not stored.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace laurel::store {

struct ChallengeRow {
  std::int64_t id = 0;
  std::string definition;                    // JSON
  std::optional<std::int64_t> cancelled_at;  // micros
  std::optional<std::int64_t> cancelled_by;
};

// Which challenges a list holds: every one, those whose window has not ended at `now` and are
// not called off (open), or those whose window has ended (closed; called off ones too).
enum class ChallengeFilter : std::uint8_t { all, open, closed };

// Only the challenges a person takes part in: as themselves, through one of their departments
// (listed fenced, ",3,17,"), or with the whole company.
struct ChallengesOf {
  std::int64_t staff_id = 0;
  std::string departments;
};

struct ChallengeParticipant {
  std::int64_t challenge_id = 0;
  std::int64_t subject_id = 0;
};

class ChallengeRepository {
 public:
  explicit ChallengeRepository(Connection& db) : db_(db) {}

  // A new row with an empty definition, for the id the definition names.
  core::Result<std::int64_t> insert(const std::string& name, std::string_view subject,
                                    std::int64_t ends_at, std::optional<std::int64_t> created_by,
                                    std::int64_t at);
  core::Status add_participant(const ChallengeParticipant& participant);
  core::Status set_definition(std::int64_t id, const std::string& definition);
  core::Result<std::optional<ChallengeRow>> find(std::int64_t id);
  // Ordered by id, newest first (before `before_id`, 0: from the newest); limit + 1 rows.
  core::Result<std::vector<ChallengeRow>> list(ChallengeFilter filter, std::int64_t now,
                                               const std::optional<ChallengesOf>& of,
                                               std::int64_t before_id, int limit);
  // Those whose window ends after `after` (micros), called off ones too, oldest first: the
  // challenges that can have a result from then on (at most `limit`).
  core::Result<std::vector<ChallengeRow>> ending_after(std::int64_t after, int limit);
  // False when it was called off already.
  core::Result<bool> cancel(std::int64_t id, std::optional<std::int64_t> by, std::int64_t at);

 private:
  Connection& db_;
};

}  // namespace laurel::store
