#pragma once
// Metric definitions as JSON, the one shape used by the API, the metrics table and the event log:
//
//   {"code": "dept_weekly_bond_flow", "name": "部门周债基净流入", "kind": "sum",
//    "source": "transactions", "sum_of": "net_flow", "subject": "department", "period": "week",
//    "filter": {"transaction_kinds": ["subscribe", "purchase"], "product_ids": [3],
//               "product_types": ["bond"], "exclude_money_market": true, "client_id": 5,
//               "department_id": 2, "key_person_visits_only": false}}
//
// kind: count, sum, distinct_clients, the two balances or imported; source: transactions,
// visits, holdings, imported or targets; sum_of (sums only): amount (the default) or net_flow;
// subject: company, department, staff, client or product; period: day, week (ISO), month,
// quarter, year or all. Every filter member is optional. A sum of targets (source targets)
// is chosen by filter.target_scope (overall, client, campaign), filter.target_metric and
// filter.campaign_id; filter.clients_with_target keeps the trades of the clients a person or
// department has a client target for (engine/metric.hpp).

#include <boost/json/object.hpp>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "engine/metric.hpp"

namespace laurel::crm {

struct MetricInput {
  std::string code;
  std::string name;
  engine::MetricDefinition definition;  // id unset
};

// The API's request body; errors name the member ("filter.product_types"). Unknown members,
// wrong types and values outside the lists are refused; references (products, departments,
// clients) are checked by crm::MetricService.
core::Result<MetricInput> read_metric_input(std::string_view body);

// The definition members (kind … filter) of a stored or logged metric; unknown members are
// ignored (a later version may add some).
core::Result<engine::MetricDefinition> read_metric_definition(const boost::json::object& o);

// The definition members, for the table, the log and the API's answers.
boost::json::object metric_definition_to_json(const engine::MetricDefinition& metric);

}  // namespace laurel::crm
