#include "crm/good_news_rule.hpp"

#include <boost/json/parse.hpp>

#include "auth/user_validation.hpp"
#include "core/money.hpp"
#include "core/timestamp.hpp"
#include "crm/json_reader.hpp"
#include "crm/product_service.hpp"

namespace laurel::crm {
namespace {

namespace json = boost::json;
using core::Error;

constexpr Names<6> kRuleKinds{{"metric_threshold", "product_subscription", "campaign_first_order",
                               "holdings_milestone", "client_activation", "board_top"}};
constexpr Names<3> kScopes{{"campaign", "department", "staff"}};
constexpr Names<2> kActivationScopes{{"staff", "department"}};
// In engine::SubjectKind's order, which starts with these three.
constexpr Names<3> kRuleSubjects{{"company", "department", "staff"}};
constexpr std::size_t kMaxThresholds = 20;
constexpr std::size_t kMaxTemplateLength = 500;

core::Status read_thresholds(JsonReader& r, GoodNewsRule& rule) {
  const auto* v = r.take("thresholds");
  if (!v || !v->is_array() || v->as_array().empty() || v->as_array().size() > kMaxThresholds) {
    return Error::invalid(
        "thresholds", "must be a list of 1 to " + std::to_string(kMaxThresholds) + " thresholds");
  }
  const auto& list = v->as_array();
  rule.thresholds_are_amounts = list.front().is_string();
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto field = "thresholds[" + std::to_string(i) + "]";
    std::int64_t threshold = 0;
    if (list[i].is_string() && rule.thresholds_are_amounts) {
      auto amount = core::parse_amount(list[i].as_string(), field);
      if (!amount) return amount.error();
      threshold = *amount;
    } else if (list[i].is_int64() && !rule.thresholds_are_amounts) {
      threshold = list[i].as_int64();
    } else {
      return Error::invalid(field,
                            "must be, like the first, an amount (a string of yuan such "
                            "as \"50000000.00\") or a count (an integer)");
    }
    if (threshold <= 0) return Error::invalid(field, "must be above zero");
    if (std::find(rule.thresholds.begin(), rule.thresholds.end(), threshold) !=
        rule.thresholds.end()) {
      return Error::invalid(field, "is listed twice");
    }
    rule.thresholds.push_back(threshold);
  }
  return {};
}

core::Status read_templates(JsonReader& r, GoodNewsRule& rule, bool strict) {
  const auto* v = r.take("templates");
  if (!v || !v->is_object()) {
    return Error::invalid("templates", "is required: {\"zh-CN\": \"…\", \"en\": \"…\"}");
  }
  JsonReader t(v->as_object(), "templates.", strict, "the templates");
  for (const auto* language : {"zh-CN", "en"}) {
    const auto field = std::string("templates.") + language;
    const auto* text = t.take(language);
    if (!text || !text->is_string()) return Error::invalid(field, "is required, a string");
    const std::string_view s = text->as_string();
    const auto length = auth::utf8_length(s);
    if (length < 1 || length > kMaxTemplateLength || s.find_first_not_of(' ') == s.npos) {
      return Error::invalid(
          field, "must be 1 to " + std::to_string(kMaxTemplateLength) + " characters, not blank");
    }
    if (auto problem = template_problem(s, rule.kind)) return Error::invalid(field, *problem);
    (std::string_view(language) == "en" ? rule.template_en : rule.template_zh) = std::string(s);
  }
  return t.finish();
}

core::Status read_products(JsonReader& r, GoodNewsRule& rule, bool strict) {
  const auto* v = r.take("products");
  if (!v) return {};
  if (!v->is_object()) return Error::invalid("products", "must be an object");
  JsonReader p(v->as_object(), "products.", strict, "products");
  auto ids = p.ids("product_ids", 200);
  if (!ids) return ids.error();
  rule.product_ids = std::move(*ids);
  auto types = p.strings("product_types", 8);
  if (!types) return types.error();
  for (std::size_t i = 0; i < types->size(); ++i) {
    if (auto s = check_one_of("products.product_types[" + std::to_string(i) + "]", (*types)[i],
                              product_types());
        !s) {
      return s.error();
    }
  }
  rule.product_types = std::move(*types);
  auto no_mmf = p.flag("exclude_money_market");
  if (!no_mmf) return no_mmf.error();
  rule.exclude_money_market = *no_mmf;
  return p.finish();
}

core::Result<GoodNewsRule> read_rule(const json::object& o, bool strict) {
  JsonReader r(o, "", strict, "a good-news rule");
  GoodNewsRule rule;
  const auto* name = r.take("name");
  if (!name || !name->is_string()) return Error::invalid("name", "is required, a string");
  rule.name = std::string(name->as_string());
  const auto length = auth::utf8_length(rule.name);
  if (length < 1 || length > 100 || rule.name.find_first_not_of(' ') == std::string::npos) {
    return Error::invalid("name", "must be 1 to 100 characters, not blank");
  }
  auto kind = r.one_of("kind", kRuleKinds);
  if (!kind) return kind.error();
  rule.kind = static_cast<RuleKind>(*kind);
  const bool own_metric = rule.kind == RuleKind::product_subscription;
  const bool first_order = rule.kind == RuleKind::campaign_first_order;
  const bool milestone = rule.kind == RuleKind::holdings_milestone;
  const bool activation = rule.kind == RuleKind::client_activation;
  const bool board_top = rule.kind == RuleKind::board_top;
  auto only_for = [](const char* member, const char* kinds) {
    return Error::invalid(member, std::string("is for ") + kinds + " rules");
  };

  const bool has_metric = r.take("metric_id") != nullptr;
  auto metric = r.id("metric_id");
  if (!metric) return metric.error();
  if (has_metric && rule.kind != RuleKind::metric_threshold) {
    return only_for("metric_id", "metric_threshold");
  }
  if (rule.kind == RuleKind::metric_threshold && !*metric) {
    return Error::invalid("metric_id", "is required");
  }
  rule.metric_id = metric->value_or(0);

  const bool has_board = r.take("board_id") != nullptr;
  auto board = r.id("board_id");
  if (!board) return board.error();
  if (has_board && !board_top) return only_for("board_id", "board_top");
  if (board_top && !*board) return Error::invalid("board_id", "is required");
  rule.board_id = board->value_or(0);
  if (const auto* least = r.take("at_least"); least && !least->is_null()) {
    if (!board_top) return only_for("at_least", "board_top");
    if (least->is_string()) {
      auto amount = core::parse_amount(least->as_string(), "at_least");
      if (!amount) return amount.error();
      rule.at_least = *amount;
      rule.thresholds_are_amounts = true;
    } else if (least->is_int64()) {
      rule.at_least = least->as_int64();
      rule.thresholds_are_amounts = false;
    } else {
      return Error::invalid("at_least", "must be an amount (a string of yuan) or a count");
    }
    if (*rule.at_least <= 0) return Error::invalid("at_least", "must be above zero");
  }

  if (!own_metric && r.take("subject")) return only_for("subject", "product_subscription");
  if (own_metric) {
    auto subject = r.one_of("subject", kRuleSubjects);
    if (!subject) return subject.error();
    rule.subject = static_cast<engine::SubjectKind>(*subject);
  }
  if (!own_metric && !milestone && r.take("products")) {
    return only_for("products", "product_subscription and holdings_milestone");
  }
  if (milestone && !r.take("products")) {
    rule.exclude_money_market = true;  // the headline figure: holdings but money-market funds
  } else if (own_metric || milestone) {
    if (auto s = read_products(r, rule, strict); !s) return s.error();
  }

  if (!first_order && r.take("campaign_id")) return only_for("campaign_id", "campaign_first_order");
  if (!first_order && !activation) {
    for (const auto* member : {"scope", "min_amount"}) {
      if (r.take(member)) return only_for(member, "campaign_first_order and client_activation");
    }
  }
  if (first_order) {
    auto campaign = r.id("campaign_id");
    if (!campaign) return campaign.error();
    if (!*campaign) return Error::invalid("campaign_id", "is required");
    rule.campaign_id = **campaign;
    auto scope = r.one_of("scope", kScopes, 0);
    if (!scope) return scope.error();
    rule.scope = static_cast<engine::FirstOrderScope>(*scope);
  }
  if (activation) {
    auto scope = r.one_of("scope", kActivationScopes, 0);
    if (!scope) return scope.error();
    rule.activation_scope = static_cast<engine::ActivationScope>(*scope);
  }
  if (first_order || activation) {
    if (const auto* min = r.take("min_amount")) {
      if (!min->is_string()) return Error::invalid("min_amount", "must be an amount (a string)");
      auto fen = core::parse_amount(min->as_string(), "min_amount");
      if (!fen) return fen.error();
      rule.min_amount_fen = *fen;
    }
  }

  if (!milestone && r.take("every")) return only_for("every", "holdings_milestone");
  if (milestone) {
    const auto* every = r.take("every");
    if (!every || !every->is_string()) {
      return Error::invalid("every", "is required: an amount, such as \"10000000000.00\"");
    }
    auto fen = core::parse_amount(every->as_string(), "every");
    if (!fen) return fen.error();
    if (*fen <= 0) return Error::invalid("every", "must be above zero");
    rule.every_fen = *fen;
  }
  if (!activation && r.take("dormant_days")) return only_for("dormant_days", "client_activation");
  if (activation) {
    if (const auto* days = r.take("dormant_days")) {
      if (!days->is_int64() || days->as_int64() < 1 || days->as_int64() > 3650) {
        return Error::invalid("dormant_days", "must be a whole number of days from 1 to 3650");
      }
      rule.dormant_days = static_cast<int>(days->as_int64());
    }
  }

  if (first_order || milestone || activation || board_top) {
    // Stored rules list both, empty.
    if (r.take("subject_ids") && strict) return only_for("subject_ids", "threshold");
    if (r.take("thresholds") && strict) {
      return Error::invalid("thresholds", milestone ? "a milestone rule has none (see every)"
                                          : board_top
                                              ? "a board_top rule has none: rank 1 is its one"
                                              : "this rule has no thresholds (see min_amount)");
    }
  } else {
    auto subjects = r.ids("subject_ids", 200);
    if (!subjects) return subjects.error();
    rule.subject_ids = std::move(*subjects);
    if (own_metric && rule.subject == engine::SubjectKind::company && !rule.subject_ids.empty()) {
      return Error::invalid("subject_ids", "the company is the only subject of a company rule");
    }
    if (auto s = read_thresholds(r, rule); !s) return s.error();
    if (own_metric && !rule.thresholds_are_amounts) {
      return Error::invalid("thresholds[0]", "must be an amount: subscriptions are summed");
    }
  }
  if (auto s = read_templates(r, rule, strict); !s) return s.error();

  auto from = r.instant("effective_from");
  if (!from) return from.error();
  if (*from) rule.effective_from = **from;
  if (const auto* grace = r.take("grace_days")) {
    if (!grace->is_int64() || grace->as_int64() < 0 || grace->as_int64() > 365) {
      return Error::invalid("grace_days", "must be a whole number of days from 0 to 365");
    }
    rule.grace_days = static_cast<int>(grace->as_int64());
  }
  for (auto [key, flag] : {std::pair{"auto_publish", &rule.auto_publish},
                           std::pair{"redact_client_names", &rule.redact_client_names},
                           std::pair{"redact_amounts", &rule.redact_amounts}}) {
    auto read = r.flag(key);
    if (!read) return read.error();
    *flag = *read;
  }
  if (!strict) {
    auto stamp = read_stored_stamp(r);
    if (!stamp) return stamp.error();
    rule.id = stamp->id;
    rule.created_by = stamp->created_by;
    if (stamp->created_at) rule.created_at = *stamp->created_at;
  }
  if (auto s = r.finish(); !s) return s.error();
  return rule;
}

json::array id_list(const std::vector<std::int64_t>& ids) {
  json::array out;
  for (auto id : ids)
    out.emplace_back(id);
  return out;
}

}  // namespace

core::Result<GoodNewsRule> read_good_news_rule_input(std::string_view body) {
  auto doc = json_object_body(body);
  if (!doc) return doc.error();
  return read_rule(*doc, true);
}

core::Result<GoodNewsRule> read_good_news_rule(const json::object& o) {
  return read_rule(o, false);
}

json::object good_news_rule_to_json(const GoodNewsRule& rule) {
  json::object out{{"id", rule.id},
                   {"name", rule.name},
                   {"kind", kRuleKinds.names[static_cast<std::size_t>(rule.kind)]}};
  if (rule.kind == RuleKind::metric_threshold) {
    out["metric_id"] = rule.metric_id;
  } else if (rule.kind == RuleKind::campaign_first_order) {
    out["campaign_id"] = rule.campaign_id;
    out["scope"] = kScopes.names[static_cast<std::size_t>(rule.scope)];
    out["min_amount"] = core::format_amount(rule.min_amount_fen);
  } else if (rule.kind == RuleKind::client_activation) {
    out["scope"] = kActivationScopes.names[static_cast<std::size_t>(rule.activation_scope)];
    out["dormant_days"] =
        rule.dormant_days ? json::value(*rule.dormant_days) : json::value(nullptr);
    out["min_amount"] = core::format_amount(rule.min_amount_fen);
  }
  if (rule.kind == RuleKind::board_top) {
    out["board_id"] = rule.board_id;
    out["at_least"] = !rule.at_least ? json::value(nullptr)
                      : rule.thresholds_are_amounts
                          ? json::value(core::format_amount(*rule.at_least))
                          : json::value(*rule.at_least);
  }
  if (rule.kind == RuleKind::holdings_milestone) out["every"] = core::format_amount(rule.every_fen);
  if (rule.kind == RuleKind::product_subscription) {
    out["subject"] = kRuleSubjects.names[static_cast<std::size_t>(rule.subject)];
  }
  if (rule.kind == RuleKind::product_subscription || rule.kind == RuleKind::holdings_milestone) {
    json::array types;
    for (const auto& t : rule.product_types)
      types.emplace_back(t);
    out["products"] = json::object{{"product_ids", id_list(rule.product_ids)},
                                   {"product_types", std::move(types)},
                                   {"exclude_money_market", rule.exclude_money_market}};
  }
  out["subject_ids"] = id_list(rule.subject_ids);
  json::array thresholds;  // none for a first order
  for (auto t : rule.thresholds) {
    if (rule.thresholds_are_amounts) {
      thresholds.emplace_back(core::format_amount(t));
    } else {
      thresholds.emplace_back(t);
    }
  }
  out["thresholds"] = std::move(thresholds);
  out["templates"] = json::object{{"zh-CN", rule.template_zh}, {"en", rule.template_en}};
  out["effective_from"] =
      rule.effective_from ? json::value(core::format_rfc3339(*rule.effective_from)) : nullptr;
  out["grace_days"] = rule.grace_days ? json::value(*rule.grace_days) : json::value(nullptr);
  out["auto_publish"] = rule.auto_publish;
  out["redact_client_names"] = rule.redact_client_names;
  out["redact_amounts"] = rule.redact_amounts;
  out["created_by"] = rule.created_by ? json::value(*rule.created_by) : json::value(nullptr);
  out["created_at"] = core::format_rfc3339(rule.created_at);
  return out;
}

std::optional<std::string> template_problem(std::string_view text, RuleKind kind) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '}') return "has a '}' without its '{'";
    if (text[i] != '{') continue;
    const auto end = text.find('}', i);
    if (end == text.npos) return "has a '{' without its '}'";
    const auto name = text.substr(i + 1, end - i - 1);
    if (std::find(std::begin(kPlaceholders), std::end(kPlaceholders), name) ==
        std::end(kPlaceholders)) {
      std::string known;
      for (auto p : kPlaceholders)
        known += (known.empty() ? "{" : ", {") + std::string(p) + "}";
      return "has an unknown placeholder {" + std::string(name) + "}; known: " + known;
    }
    const bool top = kind == RuleKind::board_top;
    const bool record_only =
        name == "amount" || name == "client" || name == "product" || name == "campaign";
    if (top && record_only) {
      return "has {" + std::string(name) + "}, which a board_top rule cannot fill";
    }
    if (!top && name == "board") return "has {board}, which only a board_top rule fills";
    i = end;
  }
  return std::nullopt;
}

std::int64_t watched_metric_id(const GoodNewsRule& rule) {
  return rule.kind == RuleKind::metric_threshold ? rule.metric_id : -rule.id;
}

namespace {

// When a rule starts announcing, and how late its news may be detected and still be on time,
// as every watch takes them.
core::Timestamp starts(const GoodNewsRule& rule) {
  return rule.effective_from.value_or(rule.created_at);
}

std::chrono::seconds grace(const GoodNewsRule& rule) {
  return std::chrono::hours(24 * rule.grace_days.value_or(3));
}

}  // namespace

engine::MetricDefinition own_metric(const GoodNewsRule& rule) {
  engine::MetricDefinition m;
  m.id = watched_metric_id(rule);
  m.kind = engine::MetricKind::sum;
  m.source = engine::MetricSource::transactions;
  m.filter.trade_kinds =
      engine::MetricFilter::kinds({engine::TradeKind::subscribe, engine::TradeKind::purchase});
  m.filter.product_ids = rule.product_ids;
  m.filter.product_types = rule.product_types;
  m.filter.exclude_money_market = rule.exclude_money_market;
  m.subject = rule.subject;
  m.period = core::PeriodKind::day;
  return m;
}

engine::FirstOrderRule first_order_rule(const GoodNewsRule& rule) {
  return engine::FirstOrderRule{rule.id,      rule.campaign_id, rule.scope, rule.min_amount_fen,
                                starts(rule), grace(rule)};
}

engine::HoldingsMilestoneRule holdings_milestone_rule(const GoodNewsRule& rule) {
  return engine::HoldingsMilestoneRule{
      rule.id,      rule.every_fen, rule.product_ids, rule.product_types, rule.exclude_money_market,
      starts(rule), grace(rule)};
}

engine::ActivationRule activation_rule(const GoodNewsRule& rule) {
  return engine::ActivationRule{rule.id,
                                rule.activation_scope,
                                rule.dormant_days.value_or(180),
                                rule.min_amount_fen,
                                starts(rule),
                                grace(rule)};
}

engine::BoardTopRule board_top_rule(const GoodNewsRule& rule) {
  return engine::BoardTopRule{rule.id, rule.board_id, rule.at_least.value_or(1), starts(rule),
                              grace(rule)};
}

bool about_one_trade(RuleKind kind) {
  return kind == RuleKind::campaign_first_order || kind == RuleKind::client_activation;
}

engine::ThresholdRule threshold_rule(const GoodNewsRule& rule) {
  return engine::ThresholdRule{rule.id,         watched_metric_id(rule),
                               rule.thresholds, rule.subject_ids,
                               starts(rule),    grace(rule),
                               std::nullopt};  // every period
}

}  // namespace laurel::crm
