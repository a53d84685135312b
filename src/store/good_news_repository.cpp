#include "store/good_news_repository.hpp"

#include "store/id_list.hpp"
#include "store/sql_conditions.hpp"

namespace laurel::store {
namespace {

constexpr std::string_view kRuleColumns = "id, name, definition, created_by, created_at";

constexpr std::string_view kDetectedColumns =
    "fact_key, rule_id, subject_id, period, threshold, record_id, became_true_at, detected_seq, "
    "detected_at, late, silent, holds, no_longer_holds_at, derived_seq";
constexpr std::size_t kDetectedCount = 14;

constexpr std::string_view kColumns =
    "id, fact_key, rule_id, subject_id, period, threshold, record_id, became_true_at, "
    "detected_seq, detected_at, late, silent, holds, no_longer_holds_at, derived_seq, status, "
    "title, body, published_at, published_by, dismissed_at, dismissed_by, created_at, updated_at, "
    "stream_seq, picture_id, audience, shown_until, written_by";

// One past the highest stream position: every write that changes a good news takes it (see
// migration 0020), so the live stream can ask for what changed after the position it has sent.
// How long a good news stays on the banner without a shown_until of its own: three days.
constexpr std::int64_t kBannerDays = 3LL * 24 * 3600 * 1'000'000;

constexpr std::string_view kNextStreamSeq =
    "(SELECT COALESCE(MAX(stream_seq), 0) + 1 FROM good_news)";

// ",3,17,": the form LIKE can match one department in (store/id_list.hpp).
std::string audience_text(const std::vector<std::int64_t>& ids) {
  return ids.empty() ? std::string() : "," + id_list_text(ids) + ",";
}

GoodNewsRuleRecord rule_of(const Row& r) {
  return GoodNewsRuleRecord{r.integer(0), r.text(1), r.text(2), r.optional_integer(3),
                            r.integer(4)};
}

// The engine's columns, starting at column `i`; a hand-written good news has none.
DetectedGoodNews detected_of(const Row& r, std::size_t i) {
  DetectedGoodNews d;
  if (r.is_null(i)) return d;
  d.fact_key = r.text(i);
  d.rule_id = r.integer(i + 1);
  d.subject_id = r.integer(i + 2);
  d.period = r.text(i + 3);
  d.threshold = r.integer(i + 4);
  d.record_id = r.integer(i + 5);
  d.became_true_at = r.integer(i + 6);
  d.detected_seq = r.integer(i + 7);
  d.detected_at = r.integer(i + 8);
  d.late = r.boolean(i + 9);
  d.silent = r.boolean(i + 10);
  d.holds = r.boolean(i + 11);
  d.no_longer_holds_at = r.optional_integer(i + 12);
  d.derived_seq = r.integer(i + 13);
  return d;
}

GoodNewsRecord record_of(const Row& r) {
  GoodNewsRecord g;
  g.id = r.integer(0);
  g.detected = detected_of(r, 1);
  const std::size_t i = 1 + kDetectedCount;
  g.status = r.text(i);
  g.title = r.optional_text(i + 1);
  g.body = r.optional_text(i + 2);
  g.published_at = r.optional_integer(i + 3);
  g.published_by = r.optional_integer(i + 4);
  g.dismissed_at = r.optional_integer(i + 5);
  g.dismissed_by = r.optional_integer(i + 6);
  g.created_at = r.integer(i + 7);
  g.updated_at = r.integer(i + 8);
  g.stream_seq = r.integer(i + 9);
  g.picture_id = r.optional_integer(i + 10);
  g.audience = id_list_of(r.text(i + 11));
  g.shown_until = r.optional_integer(i + 12);
  g.written_by = r.optional_integer(i + 13);
  return g;
}

}  // namespace

core::Result<std::int64_t> GoodNewsRepository::insert_rule(const GoodNewsRuleRecord& rule) {
  auto rows = db_.query(
      "INSERT INTO good_news_rules (name, definition, created_by, created_at) "
      "VALUES ($1, $2, $3, $4) RETURNING id",
      {rule.name, rule.definition, nullable(rule.created_by), rule.created_at});
  if (!rows) return rows.error();
  return rows->front().integer(0);
}

core::Status GoodNewsRepository::set_rule_definition(std::int64_t id,
                                                     const std::string& definition) {
  auto rows =
      db_.query("UPDATE good_news_rules SET definition = $1 WHERE id = $2", {definition, id});
  if (!rows) return rows.error();
  return {};
}

core::Result<std::optional<GoodNewsRuleRecord>> GoodNewsRepository::find_rule(std::int64_t id) {
  auto rows = db_.query(
      "SELECT " + std::string(kRuleColumns) + " FROM good_news_rules WHERE id = $1", {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<GoodNewsRuleRecord>();
  return std::optional<GoodNewsRuleRecord>(rule_of(rows->front()));
}

core::Result<std::vector<GoodNewsRuleRecord>> GoodNewsRepository::list_rules(std::int64_t after_id,
                                                                             int limit) {
  auto rows = db_.query("SELECT " + std::string(kRuleColumns) +
                            " FROM good_news_rules WHERE id > $1 ORDER BY id LIMIT $2",
                        {after_id, std::int64_t{limit + 1}});
  if (!rows) return rows.error();
  std::vector<GoodNewsRuleRecord> out;
  for (const auto& r : *rows)
    out.push_back(rule_of(r));
  return out;
}

core::Result<std::optional<std::int64_t>> GoodNewsRepository::upsert_detected(
    const DetectedGoodNews& f, std::string_view status, std::int64_t at) {
  const bool published = status == "published";
  auto existing = db_.query("SELECT id FROM good_news WHERE fact_key = $1", {f.fact_key});
  if (!existing) return existing.error();
  auto rows = db_.query(
      "INSERT INTO good_news (" + std::string(kDetectedColumns) +
          ", status, published_at, created_at, updated_at, stream_seq) "
          "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, "
          "$17, " +
          std::string(kNextStreamSeq) +
          ") "
          "ON CONFLICT (fact_key) DO UPDATE SET record_id = excluded.record_id, "
          "became_true_at = excluded.became_true_at, holds = excluded.holds, "
          "no_longer_holds_at = excluded.no_longer_holds_at, derived_seq = excluded.derived_seq, "
          "updated_at = excluded.updated_at, stream_seq = " +
          std::string(kNextStreamSeq) +
          " "
          "WHERE excluded.derived_seq > good_news.derived_seq RETURNING id",
      {f.fact_key, f.rule_id, f.subject_id, f.period, f.threshold, f.record_id, f.became_true_at,
       f.detected_seq, f.detected_at, boolean(f.late), boolean(f.silent), boolean(f.holds),
       nullable(f.no_longer_holds_at), f.derived_seq, text(status),
       published ? Value(f.detected_at) : Value(), at});
  if (!rows) return rows.error();
  if (!existing->empty() || rows->empty()) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(rows->front().integer(0));
}

core::Result<std::vector<DetectedGoodNews>> GoodNewsRepository::all_detected() {
  auto rows = db_.query("SELECT " + std::string(kDetectedColumns) +
                        " FROM good_news WHERE fact_key IS NOT NULL ORDER BY fact_key");
  if (!rows) return rows.error();
  std::vector<DetectedGoodNews> out;
  out.reserve(rows->size());
  for (const auto& r : *rows)
    out.push_back(detected_of(r, 0));
  return out;
}

core::Result<std::optional<GoodNewsRecord>> GoodNewsRepository::find(std::int64_t id) {
  auto rows = db_.query("SELECT " + std::string(kColumns) + " FROM good_news WHERE id = $1", {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<GoodNewsRecord>();
  return std::optional<GoodNewsRecord>(record_of(rows->front()));
}

core::Result<std::vector<GoodNewsRecord>> GoodNewsRepository::list(const GoodNewsFilter& filter) {
  std::vector<Value> params{std::int64_t{filter.limit + 1}};
  SqlConditions where(params);
  if (filter.statuses.empty()) {
    where.add("status <> 'passed'");
  } else {
    std::string any = "status IN (";
    for (std::size_t i = 0; i < filter.statuses.size(); ++i) {
      any += (i ? ", $" : "$") + std::to_string(params.size() + 1);
      params.emplace_back(filter.statuses[i]);
    }
    where.add(any + ")");
  }
  where.add_if(filter.rule_id, "rule_id = ?");
  if (filter.holds) where.add("holds = ?", boolean(*filter.holds));
  if (filter.late) where.add("late = ?", boolean(*filter.late));
  if (filter.before_id > 0) where.add("id < ?", filter.before_id);
  if (filter.reader_departments) {
    std::string any = "(audience = ''";
    for (auto d : *filter.reader_departments)
      any += " OR audience LIKE '%," + std::to_string(d) + ",%'";
    where.add(any + ")");
  }
  if (filter.on_banner_at) {
    // Integers of Laurel's own, not input: written into the SQL as they are.
    where.add("(shown_until > " + std::to_string(*filter.on_banner_at) +
              " OR (shown_until IS NULL AND published_at >= " +
              std::to_string(*filter.on_banner_at - kBannerDays) + "))");
  }
  auto rows = db_.query("SELECT " + std::string(kColumns) + " FROM good_news WHERE 1 = 1" +
                            where.sql() + " ORDER BY id DESC LIMIT $1",
                        params);
  if (!rows) return rows.error();
  std::vector<GoodNewsRecord> out;
  for (const auto& r : *rows)
    out.push_back(record_of(r));
  return out;
}

core::Result<bool> GoodNewsRepository::set_status(std::int64_t id,
                                                  const std::vector<std::string>& from,
                                                  std::string_view to, std::int64_t at,
                                                  std::optional<std::int64_t> by) {
  const bool publish = to == "published";
  std::vector<Value> params{text(to), at, nullable(by), id};
  std::string any;
  for (const auto& s : from) {
    any += (any.empty() ? "$" : ", $") + std::to_string(params.size() + 1);
    params.emplace_back(s);
  }
  const std::string stamp =
      publish ? "published_at = $2, published_by = $3" : "dismissed_at = $2, dismissed_by = $3";
  auto rows = db_.query("UPDATE good_news SET status = $1, " + stamp +
                            ", updated_at = $2, stream_seq = " + std::string(kNextStreamSeq) +
                            " WHERE id = $4 AND status IN (" + any + ")",
                        params);
  if (!rows) return rows.error();
  return rows->changes == 1;
}

core::Result<bool> GoodNewsRepository::edit(std::int64_t id,
                                            const std::optional<std::string>& title,
                                            const std::optional<std::string>& body,
                                            std::optional<std::int64_t> picture_id,
                                            std::int64_t at) {
  auto rows = db_.query(
      "UPDATE good_news SET title = $1, body = $2, picture_id = $3, updated_at = $4, "
      "stream_seq = " +
          std::string(kNextStreamSeq) + " WHERE id = $5",
      {nullable(title), nullable(body), nullable(picture_id), at, id});
  if (!rows) return rows.error();
  return rows->changes == 1;
}

core::Result<std::int64_t> GoodNewsRepository::insert_written(const GoodNewsRecord& g) {
  auto rows = db_.query(
      "INSERT INTO good_news (status, title, body, published_at, published_by, created_at, "
      "updated_at, stream_seq, picture_id, audience, shown_until, written_by) "
      "VALUES ($1, $2, $3, $4, $5, $6, $6, " +
          std::string(kNextStreamSeq) + ", $7, $8, $9, $10) RETURNING id",
      {g.status, nullable(g.title), nullable(g.body), nullable(g.published_at),
       nullable(g.published_by), g.created_at, nullable(g.picture_id), audience_text(g.audience),
       nullable(g.shown_until), nullable(g.written_by)});
  if (!rows) return rows.error();
  return rows->front().integer(0);
}

core::Result<std::int64_t> GoodNewsRepository::stream_position() {
  auto rows = db_.query("SELECT COALESCE(MAX(stream_seq), 0) FROM good_news");
  if (!rows) return rows.error();
  return rows->front().integer(0);
}

core::Result<std::vector<GoodNewsRecord>> GoodNewsRepository::changed_after(std::int64_t position,
                                                                            int limit) {
  auto rows = db_.query("SELECT " + std::string(kColumns) +
                            " FROM good_news WHERE stream_seq > $1 ORDER BY stream_seq LIMIT $2",
                        {position, std::int64_t{limit}});
  if (!rows) return rows.error();
  std::vector<GoodNewsRecord> out;
  out.reserve(rows->size());
  for (const auto& r : *rows)
    out.push_back(record_of(r));
  return out;
}

}  // namespace laurel::store
