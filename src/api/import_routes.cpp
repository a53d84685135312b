// Imports of master data from a file, as a sales assistant keeps it in Excel: clients and key
// people, uploaded as the request body (see api/file_import.hpp).

#include "api/access.hpp"
#include "api/file_import.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "crm/client_csv.hpp"
#include "crm/key_person_csv.hpp"

namespace laurel::api {
namespace {

using http::Access;
using http::Request;
using http::RequestContext;
using http::Response;

core::Result<Response> import_clients(Services& services, const Request& request,
                                      RequestContext& context) {
  std::vector<core::Result<crm::NewClient>> rows;
  auto file = read_import_file<crm::ClientCsv>(request, rows);
  if (!file) return file.error();
  auto report = services.clients.import(rows, file->partial, context.actor(request.client_ip));
  if (!report) return report.error();
  return import_report_response(*report, *file);
}

core::Result<Response> import_key_people(Services& services, const Request& request,
                                         RequestContext& context) {
  std::vector<core::Result<crm::KeyPersonImportRow>> rows;
  auto file = read_import_file<crm::KeyPersonCsv>(request, rows);
  if (!file) return file.error();
  auto report = services.key_people.import(rows, file->partial, context.actor(request.client_ip));
  if (!report) return report.error();
  return import_report_response(*report, *file);
}

}  // namespace

void add_import_routes(http::Router& router, Services& services) {
  router.add({"POST", "/api/v1/clients/import", Access::authenticated, kManagers, kBatchBody,
              with(services, import_clients), kImportFileTypes});
  router.add({"POST", "/api/v1/key-people/import", Access::authenticated, kManagers, kBatchBody,
              with(services, import_key_people), kImportFileTypes});
}

}  // namespace laurel::api
