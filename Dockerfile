# The image docker-compose.yml builds: the same locked dependencies as `make`.
FROM python:3.11-slim
ENV PYTHONUNBUFFERED=1 UV_PROJECT_ENVIRONMENT=/opt/venv UV_PYTHON_DOWNLOADS=never PATH=/opt/venv/bin:$PATH
WORKDIR /app
RUN pip install --no-cache-dir uv==0.13.8
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --python python3
COPY . .
RUN useradd --create-home stancebook && mkdir -p /app/var && chown stancebook /app/var
USER stancebook
EXPOSE 8000
