#include "crm/client_status.hpp"

#include "store/transaction_repository.hpp"

namespace laurel::crm {

core::Result<ClientStatus> ClientStatuses::of(std::int64_t client_id) {
  const auto today = holdings_.today();
  const auto today_text = core::format_date(today);
  ClientStatus status;
  {
    auto connection = store_.acquire();
    if (!connection) return connection.error();
    auto span = store::TransactionRepository(**connection).subscription_span(client_id, today_text);
    if (!span) return span.error();
    if (*span) {
      status.first_subscription_date = (*span)->first;
      status.last_subscription_date = (*span)->second;
    }
  }
  DataScope everything;
  everything.everything = true;
  everything.today = today_text;
  auto positions = holdings_.positions(today, client_id, std::nullopt, everything);
  if (!positions) return positions.error();
  for (const auto& p : *positions)
    status.holds = status.holds || p.amount > 0;
  const auto recent_from = core::format_date(
      date::year_month_day(date::sys_days(today) - date::days(dormant_after_days_)));
  if (!status.last_subscription_date) {
    status.status = status.holds ? "active" : "prospect";  // holdings imported before trades
  } else if (status.holds || *status.last_subscription_date >= recent_from) {
    status.status = "active";
  } else {
    status.status = "dormant";
  }
  return status;
}

void add_status_json(boost::json::object& client, const ClientStatus& s) {
  const auto text = [](const std::optional<std::string>& t) {
    return t ? boost::json::value(*t) : boost::json::value(nullptr);
  };
  client["status"] = s.status;
  client["first_subscription_date"] = text(s.first_subscription_date);
  client["last_subscription_date"] = text(s.last_subscription_date);
}

}  // namespace laurel::crm
