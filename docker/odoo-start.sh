# First start: install the addons and the Swiss chart, then configure the demo (sandbox
# addresses, approver); every start: run Odoo with the queue_job runner.
set -euo pipefail
DB="${DEMO_DATABASE:-bexio_demo}"
DB_ARGS=(--db_host "${HOST:-db}" --db_user "${USER:-odoo}" --db_password "${PASSWORD:-odoo}")
ODOO_ARGS=("${DB_ARGS[@]}" -d "$DB" --db-filter "^${DB}$" --without-demo all
    --load base,web,queue_job --workers 2 --max-cron-threads 1)
until PGPASSWORD="${PASSWORD:-odoo}" psql -h "${HOST:-db}" -U "${USER:-odoo}" -d postgres -c "select 1" >/dev/null 2>&1; do
    echo "waiting for PostgreSQL"; sleep 1
done
if ! PGPASSWORD="${PASSWORD:-odoo}" psql -h "${HOST:-db}" -U "${USER:-odoo}" -d "$DB" -c "select 1 from bexio_connection limit 1" >/dev/null 2>&1; then
    odoo "${ODOO_ARGS[@]}" -i bexio_payroll,bexio_timesheet,bexio_reference,l10n_ch --stop-after-init
    odoo shell "${ODOO_ARGS[@]}" --no-http < /opt/bexio/demo_configure.py
fi
exec odoo "${ODOO_ARGS[@]}"
