#pragma once
// Good-news rules and good news as stored (migrations 0019, 0020, 0022 and 0023). The engine's
// derived columns are written by upsert_detected only; the managers' (status, title, body) by the
// lifecycle calls.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace laurel::store {

struct GoodNewsRuleRecord {
  std::int64_t id = 0;
  std::string name;
  std::string definition;  // JSON
  std::optional<std::int64_t> created_by;
  std::int64_t created_at = 0;
};

// The engine's part of a detected good news.
struct DetectedGoodNews {
  std::string fact_key;
  std::int64_t rule_id = 0;
  std::int64_t subject_id = 0;
  std::string period;  // "2026-12-01", "2026-W49", …
  std::int64_t threshold = 0;
  std::int64_t record_id = 0;
  std::int64_t became_true_at = 0;  // micros
  std::int64_t detected_seq = 0;
  std::int64_t detected_at = 0;
  bool late = false;
  bool silent = false;
  bool holds = true;
  std::optional<std::int64_t> no_longer_holds_at;
  std::int64_t derived_seq = 0;
  bool operator==(const DetectedGoodNews&) const = default;
};

struct GoodNewsRecord {
  std::int64_t id = 0;
  DetectedGoodNews detected;
  std::string status;  // passed, draft, published, dismissed
  std::optional<std::string> title;
  std::optional<std::string> body;
  std::optional<std::int64_t> published_at;
  std::optional<std::int64_t> published_by;
  std::optional<std::int64_t> dismissed_at;
  std::optional<std::int64_t> dismissed_by;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::int64_t stream_seq = 0;             // its last change's position on the live stream
  std::optional<std::int64_t> picture_id;  // the designed picture a manager attached
  std::vector<std::int64_t> audience;  // departments (with subtrees) who see it; empty: everyone
  std::optional<std::int64_t> shown_until;  // on the banner until then (default: 3 days)
  std::optional<std::int64_t> written_by;   // hand-written news: its author
};

struct GoodNewsFilter {
  std::vector<std::string> statuses;  // empty: every status but passed
  std::optional<std::int64_t> rule_id;
  std::optional<bool> holds;
  std::optional<bool> late;
  std::int64_t before_id = 0;  // newest first: the cursor is the last id of the previous page
  int limit = 50;
  // A reader who is not a manager: only news for everyone or for one of these departments (the
  // reader's and those above it).
  std::optional<std::vector<std::int64_t>> reader_departments;
  // The banner set at this moment: on show until shown_until, or 3 days after publication.
  std::optional<std::int64_t> on_banner_at;
};

class GoodNewsRepository {
 public:
  explicit GoodNewsRepository(Connection& connection) : db_(connection) {}

  core::Result<std::int64_t> insert_rule(const GoodNewsRuleRecord& rule);
  // The definition names the rule's id, so it is written once the insert has given one.
  core::Status set_rule_definition(std::int64_t id, const std::string& definition);
  core::Result<std::optional<GoodNewsRuleRecord>> find_rule(std::int64_t id);
  // Ordered by id, after `after_id`; up to limit + 1 rows.
  core::Result<std::vector<GoodNewsRuleRecord>> list_rules(std::int64_t after_id, int limit);

  // Inserts the fact with `status` when its key is new; otherwise updates the engine's columns
  // if `fact.derived_seq` is newer than the stored one (the managers' columns are never
  // touched). `at` stamps created_at / updated_at and, for status published, published_at.
  // The new row's id when the key was new.
  core::Result<std::optional<std::int64_t>> upsert_detected(const DetectedGoodNews& fact,
                                                            std::string_view status,
                                                            std::int64_t at);
  // Every detected good news (fact_key set), ordered by fact_key: what `laurel replay` compares.
  core::Result<std::vector<DetectedGoodNews>> all_detected();

  core::Result<std::optional<GoodNewsRecord>> find(std::int64_t id);
  // Newest first; up to limit + 1 rows.
  core::Result<std::vector<GoodNewsRecord>> list(const GoodNewsFilter& filter);
  // Moves a good news from one of `from` to `to`, stamping who and when; false when its status
  // is not one of `from` (someone else published or dismissed it first).
  core::Result<bool> set_status(std::int64_t id, const std::vector<std::string>& from,
                                std::string_view to, std::int64_t at,
                                std::optional<std::int64_t> by);
  core::Result<bool> edit(std::int64_t id, const std::optional<std::string>& title,
                          const std::optional<std::string>& body,
                          std::optional<std::int64_t> picture_id, std::int64_t at);

  // A hand-written good news (no fact_key); its id.
  core::Result<std::int64_t> insert_written(const GoodNewsRecord& news);

  // The live stream's position: the highest stream_seq (0 when there is no good news).
  core::Result<std::int64_t> stream_position();
  // Good news whose last change came after `position`, in stream order; up to `limit` rows.
  core::Result<std::vector<GoodNewsRecord>> changed_after(std::int64_t position, int limit);

 private:
  Connection& db_;
};

}  // namespace laurel::store
