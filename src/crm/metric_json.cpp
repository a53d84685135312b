#include "crm/metric_json.hpp"

#include <algorithm>
#include <array>
#include <boost/json/parse.hpp>
#include <set>

#include "crm/json_reader.hpp"
#include "crm/product_service.hpp"
#include "crm/transaction_kinds.hpp"

namespace laurel::crm {
namespace {

namespace json = boost::json;
using core::Error;
using Reader = JsonReader;

constexpr Names<6> kKinds{{"count", "sum", "distinct_clients", "end_of_period_balance",
                           "average_daily_balance", "imported"}};
constexpr Names<5> kSources{{"transactions", "visits", "holdings", "imported", "targets"}};
// In the order of engine::TargetMeasure and engine::TargetScope (as crm::target_metrics()).
constexpr Names<4> kTargetMeasures{{"subscription", "net_flow", "visits", "key_person_visits"}};
constexpr Names<3> kTargetScopes{{"overall", "client", "campaign"}};
constexpr Names<2> kUnits{{"amount", "count"}};
constexpr Names<2> kSums{{"amount", "net_flow"}};
constexpr Names<5> kSubjects{{"company", "department", "staff", "client", "product"}};

core::Result<engine::MetricDefinition> read_definition(Reader& r, const json::object& o,
                                                       bool strict) {
  engine::MetricDefinition m;
  auto kind = r.one_of("kind", kKinds);
  if (!kind) return kind.error();
  m.kind = static_cast<engine::MetricKind>(*kind);
  // A balance is of holdings, an imported metric of imported values: their source need not be
  // said.
  const std::size_t default_source = engine::is_holdings_kind(m.kind)         ? 2
                                     : m.kind == engine::MetricKind::imported ? 3
                                                                              : 0;
  auto source = r.one_of("source", kSources, default_source);
  if (!source) return source.error();
  m.source = static_cast<engine::MetricSource>(*source);
  const bool has_sum_of = o.contains("sum_of") && !o.at("sum_of").is_null();
  auto sum_of = r.one_of("sum_of", kSums, 0);
  if (!sum_of) return sum_of.error();
  if (has_sum_of && m.kind != engine::MetricKind::sum) {
    return Error::invalid("sum_of", "is for sums only");
  }
  m.sum_of = static_cast<engine::SumOf>(*sum_of);
  const bool has_unit = o.contains("unit") && !o.at("unit").is_null();
  auto unit = r.one_of("unit", kUnits, 0);
  if (!unit) return unit.error();
  if (has_unit && m.kind != engine::MetricKind::imported) {
    return Error::invalid("unit", "is for imported metrics only");
  }
  m.unit = static_cast<engine::ImportedUnit>(*unit);
  auto subject = r.one_of("subject", kSubjects);
  if (!subject) return subject.error();
  m.subject = static_cast<engine::SubjectKind>(*subject);

  const auto* period = r.take("period");
  if (!period) return Error::invalid("period", "is required");
  const auto period_kind =
      period->is_string() ? core::parse_period_kind(period->as_string()) : std::nullopt;
  if (!period_kind) {
    return Error::invalid("period", "must be one of day, week, month, quarter, year, all");
  }
  m.period = *period_kind;

  if (const auto* filter = r.take("filter")) {
    if (!filter->is_object()) return Error::invalid("filter", "must be an object");
    Reader f(filter->as_object(), "filter.", strict);
    auto kinds = f.strings("transaction_kinds", 6);
    if (!kinds) return kinds.error();
    for (std::size_t i = 0; i < kinds->size(); ++i) {
      const auto* known = find_transaction_kind((*kinds)[i]);
      const auto code = known ? engine::parse_trade_kind(known->code) : std::nullopt;
      if (!code) {
        return Error::invalid("filter.transaction_kinds[" + std::to_string(i) + "]",
                              "is not a transaction kind (subscribe, purchase, redeem, "
                              "switch_in, switch_out, dividend_reinvest, or their Chinese names)");
      }
      m.filter.trade_kinds |= engine::MetricFilter::kinds({*code});
    }
    auto products = f.ids("product_ids", 200);
    if (!products) return products.error();
    m.filter.product_ids = std::move(*products);
    auto types = f.strings("product_types", 8);
    if (!types) return types.error();
    for (std::size_t i = 0; i < types->size(); ++i) {
      if (auto s = check_one_of("filter.product_types[" + std::to_string(i) + "]", (*types)[i],
                                product_types());
          !s) {
        return s.error();
      }
    }
    m.filter.product_types = std::move(*types);
    auto no_mmf = f.flag("exclude_money_market");
    if (!no_mmf) return no_mmf.error();
    m.filter.exclude_money_market = *no_mmf;
    auto client = f.id("client_id");
    if (!client) return client.error();
    m.filter.client_id = *client;
    auto department = f.id("department_id");
    if (!department) return department.error();
    m.filter.department_id = *department;
    auto campaign = f.id("campaign_id");
    if (!campaign) return campaign.error();
    m.filter.campaign_id = *campaign;
    auto key_people = f.flag("key_person_visits_only");
    if (!key_people) return key_people.error();
    m.filter.key_person_visits_only = *key_people;
    // Which targets a metric of targets sums; said only for one.
    const bool of_targets = m.source == engine::MetricSource::targets;
    for (const auto* key : {"target_scope", "target_metric"}) {
      const auto* v = filter->as_object().if_contains(key);
      if (!of_targets && v && !v->is_null()) {
        return Error::invalid(std::string("filter.") + key, "is for metrics of targets only");
      }
    }
    auto scope = f.one_of("target_scope", kTargetScopes, 0);
    if (!scope) return scope.error();
    m.filter.target_scope = static_cast<engine::TargetScope>(*scope);
    auto measure = f.one_of("target_metric", kTargetMeasures, 0);
    if (!measure) return measure.error();
    m.filter.target_measure = static_cast<engine::TargetMeasure>(*measure);
    if (const auto* days = f.take("net_of_redemptions_within_days")) {
      if (!days->is_int64() || days->as_int64() < 1 || days->as_int64() > 366) {
        return Error::invalid("filter.net_of_redemptions_within_days",
                              "must be a whole number of days, 1 to 366");
      }
      m.filter.net_of_redemptions_within_days = static_cast<std::int32_t>(days->as_int64());
    }
    const auto* with_target = filter->as_object().if_contains("clients_with_target");
    auto targeted = f.one_of("clients_with_target", kTargetMeasures, kTargetMeasures.names.size());
    if (!targeted) return targeted.error();
    if (with_target && !with_target->is_null()) {
      m.filter.clients_with_target = static_cast<engine::TargetMeasure>(*targeted);
    }
    if (auto s = f.finish(); !s) return s.error();
  }
  if (auto problem = engine::definition_problem(m)) {
    return Error::invalid(problem->field, problem->message);
  }
  return m;
}

json::array names_of(const std::vector<std::string>& list) {
  json::array out;
  for (const auto& s : list)
    out.emplace_back(s);
  return out;
}

}  // namespace

core::Result<MetricInput> read_metric_input(std::string_view body) {
  boost::system::error_code ec;
  const auto doc = json::parse(body, ec);
  if (ec) return Error::invalid("body", "is not JSON");
  if (!doc.is_object()) return Error::invalid("body", "must be a JSON object");
  const auto& o = doc.as_object();
  Reader r(o, "", true);
  MetricInput input;
  for (const auto* key : {"code", "name"}) {
    const auto* v = r.take(key);
    if (!v || !v->is_string()) return Error::invalid(key, "is required, a string");
    (std::string_view(key) == "code" ? input.code : input.name) = std::string(v->as_string());
  }
  auto definition = read_definition(r, o, true);
  if (!definition) return definition.error();
  input.definition = std::move(*definition);
  if (auto s = r.finish(); !s) return s.error();
  return input;
}

core::Result<engine::MetricDefinition> read_metric_definition(const json::object& o) {
  Reader r(o, "", false);
  return read_definition(r, o, false);
}

json::object metric_definition_to_json(const engine::MetricDefinition& m) {
  json::object filter;
  json::array kinds;
  for (int k = 0; k < engine::kTradeKinds; ++k) {
    if (m.filter.trade_kinds & (1u << k)) {
      kinds.emplace_back(engine::to_string(static_cast<engine::TradeKind>(k)));
    }
  }
  filter["transaction_kinds"] = std::move(kinds);
  json::array products;
  for (auto id : m.filter.product_ids)
    products.emplace_back(id);
  filter["product_ids"] = std::move(products);
  filter["product_types"] = names_of(m.filter.product_types);
  filter["exclude_money_market"] = m.filter.exclude_money_market;
  filter["client_id"] =
      m.filter.client_id ? json::value(*m.filter.client_id) : json::value(nullptr);
  filter["department_id"] =
      m.filter.department_id ? json::value(*m.filter.department_id) : json::value(nullptr);
  filter["key_person_visits_only"] = m.filter.key_person_visits_only;
  filter["campaign_id"] =
      m.filter.campaign_id ? json::value(*m.filter.campaign_id) : json::value(nullptr);
  const bool of_targets = m.source == engine::MetricSource::targets;
  filter["target_scope"] =
      of_targets ? json::value(kTargetScopes.names[static_cast<std::size_t>(m.filter.target_scope)])
                 : json::value(nullptr);
  filter["target_metric"] =
      of_targets
          ? json::value(kTargetMeasures.names[static_cast<std::size_t>(m.filter.target_measure)])
          : json::value(nullptr);
  filter["net_of_redemptions_within_days"] =
      m.filter.net_of_redemptions_within_days
          ? json::value(*m.filter.net_of_redemptions_within_days)
          : json::value(nullptr);
  filter["clients_with_target"] =
      m.filter.clients_with_target
          ? json::value(
                kTargetMeasures.names[static_cast<std::size_t>(*m.filter.clients_with_target)])
          : json::value(nullptr);
  json::object out{{"kind", kKinds.names[static_cast<std::size_t>(m.kind)]},
                   {"source", kSources.names[static_cast<std::size_t>(m.source)]},
                   {"sum_of", m.kind == engine::MetricKind::sum
                                  ? json::value(kSums.names[static_cast<std::size_t>(m.sum_of)])
                                  : json::value(nullptr)},
                   {"unit", m.kind == engine::MetricKind::imported
                                ? json::value(kUnits.names[static_cast<std::size_t>(m.unit)])
                                : json::value(nullptr)},
                   {"subject", kSubjects.names[static_cast<std::size_t>(m.subject)]},
                   {"period", core::to_string(m.period)},
                   {"filter", std::move(filter)}};
  return out;
}

}  // namespace laurel::crm
