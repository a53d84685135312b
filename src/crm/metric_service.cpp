#include "crm/metric_service.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <map>

#include "auth/user_validation.hpp"
#include "core/timestamp.hpp"
#include "crm/subject_names.hpp"
#include "store/campaign_repository.hpp"
#include "store/client_repository.hpp"
#include "store/department_repository.hpp"
#include "store/metric_value_repository.hpp"
#include "store/product_repository.hpp"

namespace laurel::crm {
namespace {

using core::Error;

core::Status validate(const MetricInput& in) {
  const bool code_ok =
      !in.code.empty() && in.code.size() <= 40 &&
      std::all_of(in.code.begin(), in.code.end(), [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '.';
      });
  if (!code_ok) return Error::invalid("code", "must be 1 to 40 of a-z 0-9 _ .");
  if (in.code.starts_with(kLaurelMetricPrefix)) {
    return Error::invalid("code", "codes beginning \"laurel.\" are Laurel's own metrics'");
  }
  const auto length = auth::utf8_length(in.name);
  if (length < 1 || length > 100 || in.name.find_first_not_of(' ') == std::string::npos) {
    return Error::invalid("name", "must be 1 to 100 characters, not blank");
  }
  return {};
}

// The records a filter names must exist.
core::Status check_references(store::Connection& db, const engine::MetricFilter& f) {
  store::ProductRepository products(db);
  for (std::size_t i = 0; i < f.product_ids.size(); ++i) {
    auto found = products.find(f.product_ids[i]);
    if (!found) return found.error();
    if (!*found) {
      return Error::invalid("filter.product_ids[" + std::to_string(i) + "]",
                            "no product " + std::to_string(f.product_ids[i]));
    }
  }
  if (f.department_id) {
    auto found = store::DepartmentRepository(db).find(*f.department_id);
    if (!found) return found.error();
    if (!*found) {
      return Error::invalid("filter.department_id",
                            "no department " + std::to_string(*f.department_id));
    }
  }
  if (f.campaign_id) {
    auto found = store::CampaignRepository(db).find(*f.campaign_id);
    if (!found) return found.error();
    if (!*found) {
      return Error::invalid("filter.campaign_id", "no campaign " + std::to_string(*f.campaign_id));
    }
  }
  if (f.client_id) {
    auto found = store::ClientRepository(db).find(*f.client_id);
    if (!found) return found.error();
    if (!*found) {
      return Error::invalid("filter.client_id", "no client " + std::to_string(*f.client_id));
    }
  }
  return {};
}

}  // namespace

core::Result<Metric> metric_of(store::MetricRecord record) {
  boost::system::error_code ec;
  const auto doc = boost::json::parse(record.definition, ec);
  if (ec || !doc.is_object())
    return Error::internal("metric " + std::to_string(record.id) + " is unreadable");
  auto definition = read_metric_definition(doc.as_object());
  if (!definition)
    return Error::internal("metric " + std::to_string(record.id) + ": " +
                           definition.error().message);
  definition->id = record.id;
  return Metric{std::move(record), std::move(*definition)};
}

boost::json::object metric_to_json(const Metric& m) {
  boost::json::object out{{"id", m.record.id}, {"code", m.record.code}, {"name", m.record.name}};
  for (auto& [key, value] : metric_definition_to_json(m.definition))
    out[key] = value;
  out["created_by"] =
      m.record.created_by ? boost::json::value(*m.record.created_by) : boost::json::value(nullptr);
  out["created_at"] = core::format_rfc3339(core::from_micros(m.record.created_at));
  return out;
}

core::Result<Metric> MetricService::create(const MetricInput& input, const auth::Actor& actor) {
  if (auto s = validate(input); !s) return s.error();
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto metric = insert_metric(write->connection(), clock_, events_, input, actor);
  if (!metric) return metric.error();
  if (auto s = write->commit(); !s) return s.error();
  return metric;
}

core::Result<Metric> insert_metric(store::Connection& db, const core::Clock& clock,
                                   const EventLog& events, const MetricInput& input,
                                   const auth::Actor& actor) {
  if (auto s = check_references(db, input.definition.filter); !s) return s.error();
  store::MetricRecord record;
  record.code = input.code;
  record.name = input.name;
  record.definition = boost::json::serialize(metric_definition_to_json(input.definition));
  record.created_by = actor.user_id;
  record.created_at = core::to_micros(clock.now());
  auto id = store::MetricRepository(db).insert(record);
  if (!id) return id.error();
  record.id = *id;
  Metric metric{record, input.definition};
  metric.definition.id = *id;
  if (auto seq = events.append(db, actor,
                               {"metric.created", "metric", std::to_string(*id), std::nullopt,
                                metric_to_json(metric), std::nullopt});
      !seq) {
    return seq.error();
  }
  return metric;
}

core::Result<Metric> MetricService::get(std::int64_t id) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto found = store::MetricRepository(**connection).find(id);
  if (!found) return found.error();
  if (!*found) return Error::not_found("no metric " + std::to_string(id));
  return metric_of(std::move(**found));
}

core::Result<MetricPage> MetricService::list(std::int64_t after_id, int limit) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto rows = store::MetricRepository(**connection).list(after_id, limit);
  if (!rows) return rows.error();
  MetricPage page;
  if (rows->size() > static_cast<std::size_t>(limit)) {
    rows->pop_back();
    page.next_after_id = rows->back().id;
  }
  for (auto& r : *rows) {
    auto m = metric_of(std::move(r));
    if (!m) return m.error();
    page.metrics.push_back(std::move(*m));
  }
  return page;
}

namespace {

boost::json::object value_json(const store::MetricValueRecord& v) {
  return {{"id", v.id},
          {"metric_id", v.metric_id},
          {"subject_id", v.subject_id},
          {"date", v.date},
          {"value", v.value}};
}

}  // namespace

core::Result<MetricValueReport> MetricService::import_values(
    std::int64_t metric_id, const std::vector<MetricValueRow>& rows, const auth::Actor& actor) {
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto found = store::MetricRepository(db).find(metric_id);
  if (!found) return found.error();
  if (!*found) return Error::not_found("no metric " + std::to_string(metric_id));
  auto metric = metric_of(std::move(**found));
  if (!metric) return metric.error();
  if (metric->definition.kind != engine::MetricKind::imported) {
    return Error::conflict(
        "metric " + metric->record.code + " is not imported: Laurel computes its figures itself",
        "id");
  }
  // Every row is checked before anything is written.
  std::map<std::pair<std::int64_t, std::string>, std::size_t> seen;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto field = "values[" + std::to_string(i) + "].";
    const auto& row = rows[i];
    if (metric->definition.subject == engine::SubjectKind::company) {
      if (row.subject_id != 0) {
        return Error::invalid(field + "subject_id", "the company is subject 0");
      }
    } else {
      auto name = subject_name(db, metric->definition.subject, row.subject_id);
      if (!name) return name.error();
      if (!*name) {
        return Error::invalid(field + "subject_id",
                              "no such subject " + std::to_string(row.subject_id));
      }
    }
    auto [it, fresh] = seen.try_emplace({row.subject_id, core::format_date(row.date)}, i);
    if (!fresh) {
      return Error::invalid(field + "date", "repeats values[" + std::to_string(it->second) +
                                                "] (the same subject and day)");
    }
  }
  MetricValueReport report;
  store::MetricValueRepository values(db);
  const auto now = core::to_micros(clock_.now());
  for (const auto& row : rows) {
    store::MetricValueRecord value{0, metric_id, row.subject_id, core::format_date(row.date),
                                   row.value};
    auto before = values.find(metric_id, row.subject_id, value.date);
    if (!before) return before.error();
    if (*before && (*before)->value == row.value) {
      ++report.duplicates;
      continue;
    }
    auto id = values.put(value, now);
    if (!id) return id.error();
    value.id = *id;
    const bool correction = before->has_value();
    ++(correction ? report.corrected : report.applied);
    auto seq = events_.append(
        db, actor,
        {correction ? "metric_value.corrected" : "metric_value.imported", "metric_value",
         std::to_string(*id), correction ? std::optional(value_json(**before)) : std::nullopt,
         value_json(value), std::nullopt});
    if (!seq) return seq.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return report;
}

}  // namespace laurel::crm
