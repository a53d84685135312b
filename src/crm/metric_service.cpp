#include "crm/metric_service.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "auth/user_validation.hpp"
#include "core/timestamp.hpp"
#include "store/campaign_repository.hpp"
#include "store/client_repository.hpp"
#include "store/department_repository.hpp"
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
  auto& db = write->connection();
  if (auto s = check_references(db, input.definition.filter); !s) return s.error();
  store::MetricRecord record;
  record.code = input.code;
  record.name = input.name;
  record.definition = boost::json::serialize(metric_definition_to_json(input.definition));
  record.created_by = actor.user_id;
  record.created_at = core::to_micros(clock_.now());
  auto id = store::MetricRepository(db).insert(record);
  if (!id) return id.error();
  record.id = *id;
  Metric metric{record, input.definition};
  metric.definition.id = *id;
  if (auto seq = events_.append(db, actor,
                                {"metric.created", "metric", std::to_string(*id), std::nullopt,
                                 metric_to_json(metric), std::nullopt});
      !seq) {
    return seq.error();
  }
  if (auto s = write->commit(); !s) return s.error();
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

}  // namespace laurel::crm
