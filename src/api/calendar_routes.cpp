// The company's working-day calendar: every signed-in member of staff reads a year of it; admins
// set and clear the exceptions to the Monday-to-Friday week, one day at a time or from a file.

#include "api/access.hpp"
#include "api/file_import.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "crm/calendar_csv.hpp"
#include "http/json_input.hpp"
#include "http/query_input.hpp"

namespace laurel::api {
namespace {

using http::Access;
using http::JsonInput;
using http::QueryInput;
using http::Request;
using http::RequestContext;
using http::Response;

core::Result<Response> get_year(Services& services, const Request& request) {
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  auto year = query->optional_integer("year", crm::CalendarService::kFirstYear,
                                      crm::CalendarService::kLastYear);
  if (!year) return year.error();
  if (!*year) return core::Error::invalid("year", "is required");
  if (auto s = query->finish(); !s) return s.error();
  auto calendar = services.calendar.year(static_cast<int>(**year));
  if (!calendar) return calendar.error();
  return json_response(200, crm::calendar_year_to_json(*calendar, services.zone.name()));
}

core::Result<Response> put_day(Services& services, const Request& request,
                               RequestContext& context) {
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  crm::CalendarDayInput day;
  day.date = std::string(context.param("date"));
  auto kind = in->required_string("kind", {1, 20});
  if (!kind) return kind.error();
  day.kind = std::move(*kind);
  auto name = in->required_string("name", {1, 50});
  if (!name) return name.error();
  day.name = std::move(*name);
  if (auto s = in->finish(); !s) return s.error();
  auto stored = services.calendar.set(day, context.actor(request.client_ip));
  if (!stored) return stored.error();
  return json_response(200, crm::calendar_day_to_json(*stored));
}

core::Result<Response> delete_day(Services& services, const Request& request,
                                  RequestContext& context) {
  if (auto s = services.calendar.clear(context.param("date"), context.actor(request.client_ip));
      !s) {
    return s.error();
  }
  return Response::no_content();
}

core::Result<Response> import_days(Services& services, const Request& request,
                                   RequestContext& context) {
  std::vector<core::Result<crm::CalendarDayInput>> rows;
  auto file = read_import_file<crm::CalendarCsv>(request, rows);
  if (!file) return file.error();
  auto report = services.calendar.import(rows, file->partial, context.actor(request.client_ip));
  if (!report) return report.error();
  return import_report_response(*report, *file);
}

}  // namespace

void add_calendar_routes(http::Router& router, Services& services) {
  router.add({"GET", "/api/v1/calendar", Access::authenticated, kCompanyStaff, std::nullopt,
              [&services](const Request& request, RequestContext&) {
                return get_year(services, request);
              }});
  router.add({"PUT", "/api/v1/calendar/days/{date}", Access::authenticated, kAdminOnly, kSmallBody,
              with(services, put_day)});
  router.add({"DELETE", "/api/v1/calendar/days/{date}", Access::authenticated, kAdminOnly,
              std::nullopt, with(services, delete_day)});
  router.add({"POST", "/api/v1/calendar/import", Access::authenticated, kAdminOnly, kBatchBody,
              with(services, import_days), kImportFileTypes});
}

}  // namespace laurel::api
