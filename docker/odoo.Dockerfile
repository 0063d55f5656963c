# Odoo 18 (the official image) with OCA queue_job, the bexio SDK and the four addons.
FROM odoo:18
USER root
COPY requirements-odoo.txt /tmp/requirements-odoo.txt
COPY pyproject.toml setup.cfg /opt/bexio/
COPY bexio_api /opt/bexio/bexio_api
COPY bexio_sandbox /opt/bexio/bexio_sandbox
RUN pip3 install --no-cache-dir --break-system-packages --no-deps -r /tmp/requirements-odoo.txt \
    && pip3 install --no-cache-dir --break-system-packages "Authlib>=1.2,<1.4" /opt/bexio
COPY bexio_connector /mnt/extra-addons/bexio_connector
COPY bexio_payroll /mnt/extra-addons/bexio_payroll
COPY bexio_timesheet /mnt/extra-addons/bexio_timesheet
COPY bexio_reference /mnt/extra-addons/bexio_reference
COPY bexio_reference_payroll /mnt/extra-addons/bexio_reference_payroll
COPY scripts/demo_configure.py /opt/bexio/demo_configure.py
COPY docker/odoo-start.sh /opt/bexio/odoo-start.sh
USER odoo
ENTRYPOINT ["/bin/bash", "/opt/bexio/odoo-start.sh"]
