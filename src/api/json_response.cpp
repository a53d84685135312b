#include "api/json_response.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace laurel::api {

http::Response json_response(unsigned status, const boost::json::value& body) {
  return http::Response::text(status, boost::json::serialize(body), "application/json");
}

http::Response page_response(boost::json::array items, std::optional<std::int64_t> next_cursor) {
  boost::json::object page;
  page["items"] = std::move(items);
  page["next_cursor"] =
      next_cursor ? boost::json::value(std::to_string(*next_cursor)) : boost::json::value(nullptr);
  return json_response(200, page);
}

}  // namespace laurel::api
