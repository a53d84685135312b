#include "crm/good_news_service.hpp"

#include <algorithm>
#include <map>

#include "auth/user_validation.hpp"
#include "core/money.hpp"
#include "core/timestamp.hpp"
#include "crm/board_service.hpp"
#include "crm/chat_delivery_service.hpp"
#include "crm/good_news_rule_service.hpp"
#include "crm/metric_service.hpp"
#include "crm/record_checks.hpp"
#include "crm/subject_names.hpp"
#include "store/board_repository.hpp"
#include "store/campaign_repository.hpp"
#include "store/department_repository.hpp"
#include "store/staff_repository.hpp"
#include "store/transaction_repository.hpp"
#include "store/visit_repository.hpp"

namespace laurel::crm {
namespace {

namespace json = boost::json;
using core::Error;

constexpr std::string_view kSubjectNames[] = {"company", "department", "staff", "client",
                                              "product"};

// The kind of record that makes a metric's figures move; balances and imported values are made
// true by a day, not by one record of Laurel's.
std::string record_type_of(engine::MetricSource source) {
  return source == engine::MetricSource::visits         ? "visit"
         : source == engine::MetricSource::transactions ? "transaction"
                                                        : "";
}

// What a rule watches, as far as its texts need to know.
struct Watched {
  std::string name;
  engine::MetricDefinition definition;
};

// Renders good news, looking each name up once per call (a page names the same people often).
class Renderer {
 public:
  explicit Renderer(store::Connection& db) : db_(db) {}

  core::Result<GoodNews> render(store::GoodNewsRecord record) {
    GoodNews news;
    news.record = std::move(record);
    const auto& d = news.record.detected;
    if (d.fact_key.empty()) {  // hand-written: its own words only
      for (auto& t : news.texts)
        t = {news.record.title.value_or(""), news.record.body.value_or("")};
      return news;
    }
    auto rule = rule_of(d.rule_id);
    if (!rule) return rule.error();
    if (about_one_trade(rule->kind)) return render_one_trade(std::move(news), *rule);
    if (rule->kind == RuleKind::holdings_milestone) return render_milestone(std::move(news), *rule);
    if (rule->kind == RuleKind::board_top) return render_board_top(std::move(news), *rule);
    auto watched = watched_of(*rule);
    if (!watched) return watched.error();
    news.rule = *rule;
    news.subject_kind = watched->definition.subject;
    const auto source = watched->definition.source;
    news.record_type = record_type_of(source);
    if (news.subject_kind != engine::SubjectKind::company) {
      news.subject_name = name(news.subject_kind, d.subject_id);
    }
    auto facts = record_facts(news.record_type, d.record_id);
    if (!facts) return facts.error();
    const auto period = core::parse_period(d.period);
    for (const auto language : kLanguages) {
      const bool zh = language == Language::zh_cn;
      std::map<std::string, std::string> values;
      const auto subject_or = [&](engine::SubjectKind kind, std::string otherwise) {
        return news.subject_kind == kind ? news.subject_name : std::move(otherwise);
      };
      values["subject"] = news.subject_kind == engine::SubjectKind::company
                              ? (zh ? "公司" : "the company")
                              : news.subject_name;
      values["person"] = subject_or(engine::SubjectKind::staff, join(facts->people, zh));
      values["department"] = subject_or(engine::SubjectKind::department, facts->department);
      values["client"] = rule->redact_client_names
                             ? (zh ? "某客户" : "a client")
                             : subject_or(engine::SubjectKind::client, facts->client);
      std::vector<std::string> products;
      for (auto id : watched->definition.filter.product_ids)
        products.push_back(name(engine::SubjectKind::product, id));
      if (products.empty() && !facts->product.empty()) products.push_back(facts->product);
      values["product"] = subject_or(engine::SubjectKind::product, join(products, zh));
      values["amount"] = rule->redact_amounts           ? (zh ? "目标" : "the target")
                         : rule->thresholds_are_amounts ? amount_words(d.threshold, language)
                                                        : std::to_string(d.threshold);
      values["period"] = period ? period_words(*period, language) : d.period;
      values["metric"] = watched->name;
      auto& text = news.texts[zh ? 0 : 1];
      text.title = news.record.title.value_or(rule->name);
      text.body = news.record.body.value_or(
          fill_template(zh ? rule->template_zh : rule->template_en, values));
    }
    return news;
  }

 private:
  struct RecordFacts {
    std::vector<std::string> people;
    std::string department;
    std::string client;
    std::string product;
    std::int64_t amount_fen = 0;
    std::string day;  // the record's company day, "YYYY-MM-DD"
  };

  std::string join(const std::vector<std::string>& names, bool zh) const {
    std::string out;
    for (const auto& n : names)
      out += (out.empty() ? "" : zh ? "、" : ", ") + n;
    return out;
  }

  // The company's holdings reaching a milestone: {amount} is the milestone.
  core::Result<GoodNews> render_milestone(GoodNews news, const GoodNewsRule& rule) {
    const auto& d = news.record.detected;
    news.rule = rule;
    news.record_type.clear();  // no one record: every position's close that day
    news.subject_kind = engine::SubjectKind::company;
    for (const auto language : kLanguages) {
      const bool zh = language == Language::zh_cn;
      std::map<std::string, std::string> values;
      values["subject"] = zh ? "公司" : "the company";
      values["amount"] = rule.redact_amounts ? (zh ? "新的里程碑" : "a new milestone")
                                             : amount_words(d.threshold, language);
      values["period"] = period_words({core::PeriodKind::all_time, 0}, language);
      values["metric"] = rule.name;
      auto& text = news.texts[zh ? 0 : 1];
      text.title = news.record.title.value_or(rule.name);
      text.body = news.record.body.value_or(
          fill_template(zh ? rule.template_zh : rule.template_en, values));
    }
    return news;
  }

  // A person or a department reaching the top of a board: {board} is its name, {metric} what it
  // ranks. The record that made the news true is the one that put them there.
  core::Result<GoodNews> render_board_top(GoodNews news, const GoodNewsRule& rule) {
    const auto& d = news.record.detected;
    news.rule = rule;
    std::string board_name = "#" + std::to_string(rule.board_id);
    std::int64_t metric_id = 0;
    if (auto board = find_live_board(db_, rule.board_id)) {
      board_name = board->record.name;
      metric_id = board->input.definition.metric_id;
    } else if (auto found = store::BoardRepository(db_).find(rule.board_id); found && *found) {
      board_name = (*found)->name;  // archived since: still named
    }
    std::optional<Watched> watched;
    if (metric_id != 0) {
      GoodNewsRule of_metric;
      of_metric.metric_id = metric_id;
      if (auto w = watched_of(of_metric)) watched = std::move(*w);
    }
    news.subject_kind = watched ? watched->definition.subject : engine::SubjectKind::staff;
    const auto source = watched ? watched->definition.source : engine::MetricSource::transactions;
    news.record_type = record_type_of(source);
    news.subject_name = name(news.subject_kind, d.subject_id);
    auto facts = record_facts(news.record_type, d.record_id);
    if (!facts) return facts.error();
    const auto period = core::parse_period(d.period);
    for (const auto language : kLanguages) {
      const bool zh = language == Language::zh_cn;
      const bool person = news.subject_kind == engine::SubjectKind::staff;
      std::map<std::string, std::string> values;
      values["subject"] = news.subject_name;
      values["person"] = person ? news.subject_name : join(facts->people, zh);
      values["department"] = person ? facts->department : news.subject_name;
      values["board"] = board_name;
      values["period"] = period ? period_words(*period, language) : d.period;
      values["metric"] = watched ? watched->name : board_name;
      auto& text = news.texts[zh ? 0 : 1];
      text.title = news.record.title.value_or(rule.name);
      text.body = news.record.body.value_or(
          fill_template(zh ? rule.template_zh : rule.template_en, values));
    }
    return news;
  }

  // A campaign's first order (who landed it, for the campaign, a department or a person), or a
  // client activated (by a person or a department): good news about one subscription.
  core::Result<GoodNews> render_one_trade(GoodNews news, const GoodNewsRule& rule) {
    const auto& d = news.record.detected;
    news.rule = rule;
    news.record_type = "transaction";
    const bool first_order = rule.kind == RuleKind::campaign_first_order;
    const bool by_department = first_order
                                   ? rule.scope == engine::FirstOrderScope::department
                                   : rule.activation_scope == engine::ActivationScope::department;
    const bool by_person = first_order ? rule.scope == engine::FirstOrderScope::staff
                                       : rule.activation_scope == engine::ActivationScope::staff;
    news.subject_kind = by_department ? engine::SubjectKind::department
                        : by_person   ? engine::SubjectKind::staff
                                      : engine::SubjectKind::company;
    if (news.subject_kind != engine::SubjectKind::company) {
      news.subject_name = name(news.subject_kind, d.subject_id);
    }
    auto facts = record_facts("transaction", d.record_id);
    if (!facts) return facts.error();
    std::string campaign;
    if (first_order) {
      campaign = "#" + std::to_string(rule.campaign_id);
      if (auto c = store::CampaignRepository(db_).find(rule.campaign_id); c && *c)
        campaign = (*c)->name;
    }
    const auto day = core::parse_period(facts->day);
    for (const auto language : kLanguages) {
      const bool zh = language == Language::zh_cn;
      std::map<std::string, std::string> values;
      values["campaign"] = campaign;
      values["person"] = news.subject_kind == engine::SubjectKind::staff ? news.subject_name
                                                                         : join(facts->people, zh);
      values["department"] = news.subject_kind == engine::SubjectKind::department
                                 ? news.subject_name
                                 : facts->department;
      values["subject"] =
          news.subject_kind == engine::SubjectKind::company ? campaign : news.subject_name;
      values["client"] = rule.redact_client_names ? (zh ? "某客户" : "a client") : facts->client;
      values["product"] = facts->product;
      values["amount"] = rule.redact_amounts ? (zh ? "大额" : "a large amount")
                                             : amount_words(facts->amount_fen, language);
      values["period"] = day ? period_words(*day, language) : facts->day;
      values["metric"] = rule.name;
      auto& text = news.texts[zh ? 0 : 1];
      text.title = news.record.title.value_or(rule.name);
      text.body = news.record.body.value_or(
          fill_template(zh ? rule.template_zh : rule.template_en, values));
    }
    return news;
  }

  core::Result<GoodNewsRule> rule_of(std::int64_t id) {
    if (auto it = rules_.find(id); it != rules_.end()) return it->second;
    auto found = store::GoodNewsRepository(db_).find_rule(id);
    if (!found) return found.error();
    if (!*found) return Error::internal("good news names rule " + std::to_string(id));
    auto rule = good_news_rule_of(**found);
    if (!rule) return rule.error();
    return rules_.emplace(id, std::move(*rule)).first->second;
  }

  core::Result<Watched> watched_of(const GoodNewsRule& rule) {
    if (rule.kind == RuleKind::product_subscription) return Watched{rule.name, own_metric(rule)};
    if (auto it = metrics_.find(rule.metric_id); it != metrics_.end()) return it->second;
    auto found = store::MetricRepository(db_).find(rule.metric_id);
    if (!found) return found.error();
    if (!*found) return Error::internal("rule names metric " + std::to_string(rule.metric_id));
    auto metric = metric_of(std::move(**found));
    if (!metric) return metric.error();
    return metrics_
        .emplace(rule.metric_id, Watched{metric->record.name, std::move(metric->definition)})
        .first->second;
  }

  std::string name(engine::SubjectKind kind, std::int64_t id) {
    const auto key = std::pair{static_cast<int>(kind), id};
    if (auto it = names_.find(key); it != names_.end()) return it->second;
    auto found = subject_name(db_, kind, id);
    const std::string out = found && *found ? **found : "#" + std::to_string(id);
    names_.emplace(key, out);
    return out;
  }

  // Who, which client and which product the record that made the news true is about.
  core::Result<RecordFacts> record_facts(const std::string& type, std::int64_t id) {
    RecordFacts facts;
    std::optional<std::int64_t> department;
    if (type == "transaction") {
      auto found = store::TransactionRepository(db_).find(id);
      if (!found) return found.error();
      if (!*found) return facts;
      facts.client = name(engine::SubjectKind::client, (*found)->client_id);
      facts.product = name(engine::SubjectKind::product, (*found)->product_id);
      facts.amount_fen = (*found)->amount_fen;
      facts.day = (*found)->trade_date;
      for (const auto& c : (*found)->credits) {
        facts.people.push_back(name(engine::SubjectKind::staff, c.staff_id));
        if (!department) department = c.department_id;
      }
    } else {
      auto found = store::VisitRepository(db_).find(id);
      if (!found) return found.error();
      if (!*found) return facts;
      facts.client = name(engine::SubjectKind::client, (*found)->client_id);
      for (const auto& s : (*found)->staff) {
        facts.people.push_back(name(engine::SubjectKind::staff, s.staff_id));
        if (!department) department = s.department_id;
      }
    }
    if (department) facts.department = name(engine::SubjectKind::department, *department);
    return facts;
  }

  store::Connection& db_;
  std::map<std::int64_t, GoodNewsRule> rules_;
  std::map<std::int64_t, Watched> metrics_;
  std::map<std::pair<int, std::int64_t>, std::string> names_;
};

json::value micros_or_null(const std::optional<std::int64_t>& micros) {
  return micros ? json::value(core::format_rfc3339(core::from_micros(*micros)))
                : json::value(nullptr);
}

json::value id_or_null(const std::optional<std::int64_t>& id) {
  return id ? json::value(*id) : json::value(nullptr);
}

core::Status check_words(const std::optional<std::optional<std::string>>& words, const char* field,
                         std::size_t max) {
  if (!words || !*words) return {};
  const auto n = auth::utf8_length(**words);
  if (n < 1 || n > max || (*words)->find_first_not_of(" \t\r\n") == std::string::npos) {
    return Error::invalid(field, "must be 1 to " + std::to_string(max) +
                                     " characters, not blank (or null for the rule's own)");
  }
  return {};
}

}  // namespace

core::Result<std::vector<GoodNews>> render_good_news(store::Connection& db,
                                                     std::vector<store::GoodNewsRecord> records) {
  std::vector<GoodNews> out;
  out.reserve(records.size());
  Renderer renderer(db);
  for (auto& record : records) {
    auto news = renderer.render(std::move(record));
    if (!news) return news.error();
    out.push_back(std::move(*news));
  }
  return out;
}

json::object good_news_to_json(const GoodNews& news, bool manager) {
  const auto& r = news.record;
  const auto& d = r.detected;
  json::object out{{"id", r.id}, {"origin", d.fact_key.empty() ? "written" : "rule"}};
  json::object title, body;
  for (std::size_t i = 0; i < std::size(kLanguages); ++i) {
    title[language_code(kLanguages[i])] = news.texts[i].title;
    body[language_code(kLanguages[i])] = news.texts[i].body;
  }
  out["title"] = std::move(title);
  out["text"] = std::move(body);
  out["edited"] = r.title.has_value() || r.body.has_value();
  out["status"] = r.status;
  if (!d.fact_key.empty()) {
    out["rule_id"] = d.rule_id;
    out["rule_name"] = news.rule ? json::value(news.rule->name) : json::value(nullptr);
    out["subject"] =
        json::object{{"kind", kSubjectNames[static_cast<std::size_t>(news.subject_kind)]},
                     {"id", d.subject_id},
                     {"name", news.subject_name}};
    out["period"] = d.period;
    const bool one_trade = news.rule && about_one_trade(news.rule->kind);
    const bool top = news.rule && news.rule->kind == RuleKind::board_top;
    const bool amounts = !news.rule || news.rule->thresholds_are_amounts;
    // A first order or an activation has no threshold (it is the trade itself); nor has the top.
    if (!one_trade && !top) {
      out["threshold"] =
          amounts ? json::value(core::format_amount(d.threshold)) : json::value(d.threshold);
    }
    out["record"] =
        news.record_type.empty()
            ? json::value(nullptr)
            : json::value(json::object{{"type", news.record_type}, {"id", d.record_id}});
    out["became_true_at"] = core::format_rfc3339(core::from_micros(d.became_true_at));
    out["detected_at"] = core::format_rfc3339(core::from_micros(d.detected_at));
    out["late"] = d.late;
    out["holds"] = d.holds;
    out["no_longer_holds_at"] = micros_or_null(d.no_longer_holds_at);
    if (manager) out["fact_key"] = d.fact_key;
  }
  out["published_at"] = micros_or_null(r.published_at);
  out["published_by"] = id_or_null(r.published_by);
  if (manager) {
    out["dismissed_at"] = micros_or_null(r.dismissed_at);
    out["dismissed_by"] = id_or_null(r.dismissed_by);
  }
  if (d.fact_key.empty()) {
    json::array departments;
    for (auto id : r.audience)
      departments.emplace_back(id);
    out["department_ids"] = std::move(departments);  // whose people see it; empty: everyone
  }
  out["shown_until"] = micros_or_null(r.shown_until);
  out["picture"] =
      r.picture_id
          ? json::value(json::object{{"id", *r.picture_id},
                                     {"url", "/api/v1/pictures/" + std::to_string(*r.picture_id)}})
          : json::value(nullptr);
  out["updated_at"] = core::format_rfc3339(core::from_micros(r.updated_at));
  return out;
}

bool GoodNewsReader::in_audience(const std::vector<std::int64_t>& audience) const {
  return manager || audience.empty() ||
         std::any_of(audience.begin(), audience.end(), [this](auto d) {
           return std::find(departments.begin(), departments.end(), d) != departments.end();
         });
}

bool GoodNewsReader::sees(const store::GoodNewsRecord& news) const {
  return manager || (news.status == "published" && in_audience(news.audience));
}

core::Result<GoodNewsReader> GoodNewsService::reader(const auth::Principal& user) {
  GoodNewsReader reader;
  reader.manager = user.role == auth::Role::admin || user.role == auth::Role::manager;
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto staff = store::StaffRepository(**connection).find_by_user(user.user_id);
  if (!staff) return staff.error();
  if (!*staff) return reader;  // no department: the news for everyone
  reader.staff_id = (*staff)->id;
  if (reader.manager) return reader;
  // The latest assignment (a transfer already planned counts from now: close enough for news).
  auto department = store::StaffRepository(**connection).department_on((*staff)->id, "9999-12-31");
  if (!department) return department.error();
  store::DepartmentRepository departments(**connection);
  for (auto at = *department; at && reader.departments.size() < 64;) {
    reader.departments.push_back(*at);
    auto found = departments.find(*at);
    if (!found) return found.error();
    at = *found ? (*found)->parent_id : std::nullopt;
  }
  return reader;
}

core::Result<std::vector<GoodNews>> GoodNewsService::banners(const GoodNewsReader& reader) {
  store::GoodNewsFilter filter;
  filter.statuses = {"published"};
  filter.on_banner_at = core::to_micros(clock_.now());
  filter.limit = 10;
  auto page = list(std::move(filter), reader);
  if (!page) return page.error();
  return std::move(page->items);
}

core::Result<GoodNews> GoodNewsService::write(const WrittenGoodNews& input,
                                              const auth::Actor& actor) {
  const auto now = core::to_micros(clock_.now());
  if (input.shown_until && core::to_micros(*input.shown_until) <= now) {
    return Error::invalid("shown_until", "must be in the future");
  }
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  if (input.picture_id) {
    if (auto s = check_exists(db, RecordKind::picture, "picture_id", *input.picture_id); !s) {
      return s.error();
    }
  }
  if (auto s =
          check_each_exists(db, RecordKind::department, "department_ids", input.department_ids);
      !s) {
    return s.error();
  }
  store::GoodNewsRecord record;
  record.status = input.publish ? "published" : "draft";
  record.title = input.title;
  record.body = input.body;
  record.picture_id = input.picture_id;
  record.audience = input.department_ids;
  if (input.shown_until) record.shown_until = core::to_micros(*input.shown_until);
  record.written_by = actor.user_id;
  record.created_at = now;
  if (input.publish) {
    record.published_at = now;
    record.published_by = actor.user_id;
  }
  store::GoodNewsRepository repository(db);
  auto id = repository.insert_written(record);
  if (!id) return id.error();
  auto stored = repository.find(*id);
  if (!stored) return stored.error();
  auto news = Renderer(db).render(std::move(**stored));
  if (!news) return news.error();
  if (input.publish) {
    if (auto s = enqueue_chat_deliveries(db, *news, now); !s) return s.error();
  }
  if (auto seq =
          events_.append(db, actor,
                         {"good_news.written", "good_news", std::to_string(*id), std::nullopt,
                          json::value(good_news_to_json(*news, true)), std::nullopt});
      !seq) {
    return seq.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return news;
}

core::Result<GoodNewsPage> GoodNewsService::list(store::GoodNewsFilter filter,
                                                 const GoodNewsReader& reader) {
  if (auto s = engine_.catch_up(); !s) return s.error();
  if (!reader.manager) {
    filter.statuses = {"published"};
    filter.reader_departments = reader.departments;
  }
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto rows = store::GoodNewsRepository(**connection).list(filter);
  if (!rows) return rows.error();
  GoodNewsPage page;
  if (rows->size() > static_cast<std::size_t>(filter.limit)) {
    rows->pop_back();
    page.next_before_id = rows->back().id;
  }
  auto rendered = render_good_news(**connection, std::move(*rows));
  if (!rendered) return rendered.error();
  page.items = std::move(*rendered);
  return page;
}

core::Result<GoodNews> GoodNewsService::get(std::int64_t id, const GoodNewsReader& reader) {
  if (auto s = engine_.catch_up(); !s) return s.error();
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto found = store::GoodNewsRepository(**connection).find(id);
  if (!found) return found.error();
  if (!*found || !reader.sees(**found)) {
    return Error::not_found("no good news " + std::to_string(id));
  }
  return Renderer(**connection).render(std::move(**found));
}

core::Result<GoodNews> GoodNewsService::change_status(std::int64_t id,
                                                      const std::vector<std::string>& from,
                                                      std::string_view to, const char* event,
                                                      const auth::Actor& actor) {
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  store::GoodNewsRepository repository(db);
  auto before = repository.find(id);
  if (!before) return before.error();
  if (!*before) return Error::not_found("no good news " + std::to_string(id));
  const auto now = core::to_micros(clock_.now());
  auto changed = repository.set_status(id, from, to, now, actor.user_id);
  if (!changed) return changed.error();
  if (!*changed) {
    return Error::conflict("good news " + std::to_string(id) + " is " + (*before)->status +
                               ": it cannot be " + std::string(to) + " now",
                           "status");
  }
  auto after = repository.find(id);
  if (!after) return after.error();
  auto news = Renderer(db).render(std::move(**after));
  if (!news) return news.error();
  if (to == "published") {
    if (auto s = enqueue_chat_deliveries(db, *news, now); !s) return s.error();
  }
  if (auto seq = events_.append(db, actor,
                                {event, "good_news", std::to_string(id),
                                 json::value(json::object{{"status", (*before)->status}}),
                                 json::value(json::object{{"status", std::string(to)},
                                                          {"title", news->texts[0].title},
                                                          {"text", news->texts[0].body}}),
                                 std::nullopt});
      !seq) {
    return seq.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return news;
}

core::Result<GoodNews> GoodNewsService::publish(std::int64_t id, const auth::Actor& actor) {
  return change_status(id, {"draft", "dismissed"}, "published", "good_news.published", actor);
}

core::Result<GoodNews> GoodNewsService::dismiss(std::int64_t id, const auth::Actor& actor) {
  return change_status(id, {"draft", "published"}, "dismissed", "good_news.dismissed", actor);
}

core::Result<GoodNews> GoodNewsService::edit(std::int64_t id, const GoodNewsEdit& edit,
                                             const auth::Actor& actor) {
  if (auto s = check_words(edit.title, "title", 100); !s) return s.error();
  if (auto s = check_words(edit.body, "body", 2000); !s) return s.error();
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  store::GoodNewsRepository repository(db);
  auto before = repository.find(id);
  if (!before) return before.error();
  if (!*before) return Error::not_found("no good news " + std::to_string(id));
  if ((*before)->detected.fact_key.empty()) {  // hand-written: it has no rule's words to go back to
    if (edit.title && !*edit.title)
      return Error::invalid("title", "hand-written news keeps a title");
    if (edit.body && !*edit.body) return Error::invalid("body", "hand-written news keeps its text");
  }
  const auto title = edit.title ? *edit.title : (*before)->title;
  const auto body = edit.body ? *edit.body : (*before)->body;
  const auto picture = edit.picture_id ? *edit.picture_id : (*before)->picture_id;
  if (picture && picture != (*before)->picture_id) {
    if (auto s = check_exists(db, RecordKind::picture, "picture_id", *picture); !s) {
      return s.error();
    }
  }
  if (auto s = repository.edit(id, title, body, picture, core::to_micros(clock_.now())); !s) {
    return s.error();
  }
  auto after = repository.find(id);
  if (!after) return after.error();
  auto news = Renderer(db).render(std::move(**after));
  if (!news) return news.error();
  auto text_of = [](const std::optional<std::string>& s) {
    return s ? json::value(*s) : json::value(nullptr);
  };
  auto id_of = [](const std::optional<std::int64_t>& p) {
    return p ? json::value(*p) : json::value(nullptr);
  };
  if (auto seq = events_.append(
          db, actor,
          {"good_news.edited", "good_news", std::to_string(id),
           json::value(json::object{{"title", text_of((*before)->title)},
                                    {"body", text_of((*before)->body)},
                                    {"picture_id", id_of((*before)->picture_id)}}),
           json::value(json::object{
               {"title", text_of(title)}, {"body", text_of(body)}, {"picture_id", id_of(picture)}}),
           std::nullopt});
      !seq) {
    return seq.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return news;
}

}  // namespace laurel::crm
