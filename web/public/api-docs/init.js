// Kept out of index.html so that a strict Content-Security-Policy (no inline script) holds.
window.ui = SwaggerUIBundle({
  url: '/api/v1/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  withCredentials: true,
});
