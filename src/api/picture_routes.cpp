// Pictures over the API: managers upload the designed poster of a good news (the body is the
// file itself), everyone in the company sees it in the feed. A picture never changes, so it is
// served with a year's cache and its SHA-256 as ETag: private for signed-in users; public (any
// cache may keep it) at its unguessable public address once it went to a group chat, which the
// chat apps fetch without signing in.

#include "api/access.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "crm/picture_service.hpp"

namespace laurel::api {
namespace {

using http::Access;
using http::Request;
using http::RequestContext;
using http::Response;

core::Result<Response> upload(Services& services, const Request& request, RequestContext& context) {
  auto stored = services.pictures.upload(request.body, request.header("Content-Type"),
                                         context.actor(request.client_ip));
  if (!stored) return stored.error();
  Response response =
      json_response(stored->created ? 201 : 200, crm::picture_to_json(stored->picture));
  response.set_header("Location", "/api/v1/pictures/" + std::to_string(stored->picture.id));
  return response;
}

Response picture_response(const Request& request, store::PictureRecord picture,
                          std::string_view cache) {
  const auto etag = "\"" + picture.sha256 + "\"";
  Response response;
  if (request.header("If-None-Match") == etag) {
    response.status = 304;
  } else {
    response = Response::text(200, std::move(picture.content), picture.media_type);
  }
  response.set_header("ETag", etag);
  response.set_header("Cache-Control", std::string(cache) + ", max-age=31536000, immutable");
  return response;
}

core::Result<Response> download(Services& services, const Request& request,
                                RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto picture = services.pictures.get(*id);
  if (!picture) return picture.error();
  return picture_response(request, std::move(*picture), "private");
}

core::Result<Response> download_public(Services& services, const Request& request,
                                       RequestContext& context) {
  auto picture = services.pictures.get_public(context.param("token"));
  if (!picture) return picture.error();
  return picture_response(request, std::move(*picture), "public");
}

}  // namespace

void add_picture_routes(http::Router& router, Services& services) {
  http::RouteSpec upload_route{"POST",    "/api/v1/pictures",        Access::authenticated,
                               kManagers, crm::kPictureLimit + 1024, with(services, upload)};
  upload_route.body_types = {"image/png", "image/jpeg", "image/webp", "application/octet-stream"};
  router.add(std::move(upload_route));
  router.add({"GET", "/api/v1/pictures/{id}", Access::authenticated, kCompanyStaff, std::nullopt,
              with(services, download)});
  router.add({"GET",
              "/api/v1/public/pictures/{token}",
              Access::open,
              {},
              std::nullopt,
              with(services, download_public)});
}

}  // namespace laurel::api
