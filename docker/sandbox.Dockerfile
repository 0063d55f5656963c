# The local bexio (API and sign-in) with its demo company.
FROM python:3.11-slim
WORKDIR /srv/bexio
COPY pyproject.toml setup.cfg ./
COPY bexio_api ./bexio_api
COPY bexio_sandbox ./bexio_sandbox
RUN pip install --no-cache-dir .
VOLUME /data
EXPOSE 8765
CMD ["bexio-sandbox", "--db", "/data/sandbox.db", "serve", "--host", "0.0.0.0", "--port", "8765"]
