# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Which bexio contact a partner is, in one connection's bexio company.

Partners are shared between Odoo companies by default, while bexio contact ids are a sequence
per bexio company: contact 232 of one trustee client is a stranger, or nothing, in another.
So the link lives here, one row per connection and partner (OCA ``connector``'s binding),
never on the partner.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.bexio_connector.services.address import split_street


class BexioPartnerBinding(models.Model):
    _name = "bexio.partner.binding"
    _description = "bexio contact of a partner"
    _order = "state desc, partner_id"
    _rec_name = "partner_id"

    connection_id = fields.Many2one(
        "bexio.connection", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="connection_id.company_id", store=True, index=True
    )
    partner_id = fields.Many2one(
        "res.partner", required=True, index=True, ondelete="cascade"
    )
    bexio_contact_ref = fields.Integer(
        "bexio contact ID",
        help="The contact in this connection's bexio company. 0 while the link is to be "
        "reviewed.",
    )
    state = fields.Selection(
        [("linked", "Linked"), ("review", "To review"), ("create", "Create in bexio")],
        compute="_compute_state",
        store=True,
        readonly=False,
    )
    review_reason = fields.Char(
        "Why it waits", readonly=True, help="What made the match uncertain."
    )
    create_requested = fields.Boolean(
        "Creation asked of bexio",
        readonly=True,
        help="Odoo asked bexio to create the contact; no answer yet.",
    )
    created_above_ref = fields.Integer(
        "Highest earlier contact ID",
        readonly=True,
        help="The highest id of a bexio contact of this name when Odoo asked for the new one.",
    )
    candidate_refs = fields.Char(
        "Candidate contacts",
        readonly=True,
        help="The bexio contacts that matched, as 'id: number name'.",
    )

    _sql_constraints = [
        (
            "partner_per_connection_uniq",
            "unique(connection_id, partner_id)",
            "A partner has one bexio contact per connection.",
        ),
    ]

    def init(self):
        # 0 stands for "to review", which many rows of one connection may be.
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS bexio_partner_binding_contact_uniq "
                "ON bexio_partner_binding (connection_id, bexio_contact_ref) "
                "WHERE bexio_contact_ref <> 0"
            )
        )

    @api.depends("bexio_contact_ref")
    def _compute_state(self):
        for binding in self:
            if binding.bexio_contact_ref:
                binding.state = "linked"
            elif binding.state != "create":
                binding.state = "review"

    # ----------------------------------------------------------------- review
    def write(self, vals):
        # A link is a bexio administrator's decision (the push writes through sudo).
        if not self.env.su:
            self.env["bexio.connection"]._check_manager()
            unknown = set(vals) - {"bexio_contact_ref", "state"}
            if unknown:
                raise UserError(
                    self.env._("Only the linked bexio contact can be changed here.")
                )
            # Repointing a linked customer would name another bexio contact on its next
            # invoice: the decision is made once, for a link to review.
            if any(binding.state == "linked" for binding in self):
                raise UserError(
                    self.env._(
                        "This partner is linked to its bexio contact already; only a link "
                        "to review is decided here."
                    )
                )
        if vals.get("bexio_contact_ref"):
            vals = dict(
                vals,
                state="linked",
                review_reason=False,
                candidate_refs=False,
                create_requested=False,
            )
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise UserError(
                self.env._(
                    "Links to bexio contacts are made by the sync; to link a partner by "
                    "hand, review its link here once an invoice has asked for it."
                )
            )
        return super().create(vals_list)

    def action_create_in_bexio(self):
        """The review's other answer: none of the candidates, a new contact in bexio."""
        self.env["bexio.connection"]._check_manager()
        self.check_access("write")
        self.filtered(lambda b: b.state == "review").sudo().write({"state": "create"})

    # ------------------------------------------------------------------ match
    @api.model
    def _contact_ref_for(self, connection, client, partner, new_contact_values):
        """The bexio contact id of ``partner`` in ``connection``'s bexio, linked or created.

        In order: the stored link; the contact an earlier attempt created if its answer was
        lost; the bexio contact number the partner carries, with its name; its e-mail; its
        name with the whole postal address. A name alone never links: a name match, like two
        matches of one key, stops with a link to review, since a wrong guess names a
        stranger on an invoice.
        """
        Binding = self.sudo()
        binding = Binding.search(
            [("connection_id", "=", connection.id), ("partner_id", "=", partner.id)]
        )
        if binding.state == "linked":
            return binding.bexio_contact_ref
        if binding.state == "review":
            raise UserError(binding._review_message())
        same_name = None  # unknown until asked; _match asks when the partner has a name
        if binding.state != "create":
            found, reason, candidates = self._match(client, partner)
            if found:
                self._store(connection, partner, {"bexio_contact_ref": found.id})
                return found.id
            if candidates:
                binding = self._store(
                    connection,
                    partner,
                    {
                        "bexio_contact_ref": 0,
                        "state": "review",
                        "review_reason": reason,
                        "candidate_refs": "; ".join(
                            f"{c.id}: {c.nr or '-'} {c.display_name}"
                            for c in candidates
                        ),
                    },
                )
                raise UserError(binding._review_message())
            same_name = []  # no candidate: bexio has no contact of that name
        created = self._created_before(
            client, binding, partner
        ) or self._create_contact(
            connection, client, partner, new_contact_values, same_name
        )
        self._store(connection, partner, {"bexio_contact_ref": created.id})
        return created.id

    @api.model
    def _create_contact(
        self, connection, client, partner, new_contact_values, same_name=None
    ):
        """Create the contact, noting first what bexio had of that name before.

        When bexio creates the contact but its answer is lost, the retry must find that
        contact rather than create a second one or stop at a name that alone proves nothing.
        ``same_name``: bexio's contacts of that name when the caller has just asked.
        """
        before = (
            same_name if same_name is not None else self._same_name(client, partner)
        )
        self._store(
            connection,
            partner,
            {
                "bexio_contact_ref": 0,
                "state": "create",
                "create_requested": True,
                "created_above_ref": max((c.id for c in before), default=0),
            },
        )
        return client.contacts.create(new_contact_values(self._contact_values(partner)))

    @api.model
    def _created_before(self, client, binding, partner):
        """The contact an earlier attempt created, if its answer was lost: the one contact
        of that name that bexio numbered after the attempt's note (ids only grow)."""
        if not binding.create_requested:
            return None
        mine = [
            c
            for c in self._same_name(client, partner)
            if c.id > binding.created_above_ref
        ]
        return mine[0] if len(mine) == 1 else None

    @api.model
    def _same_name(self, client, partner):
        return [
            c
            for c in client.contacts.search([("name_1", partner.name, "=")])
            if c.name_1 == partner.name
        ]

    @api.model
    def _match(self, client, partner):
        """(contact, reason, candidates): a sure match, or why not and who came close."""
        number = (partner.ref or "").strip()
        if number.isdigit():
            by_number = [
                c
                for c in client.contacts.search([("nr", number, "=")])
                if _same_name(c, partner)
            ]
            if len(by_number) == 1:
                return by_number[0], None, []
        email = (partner.email or "").strip().lower()
        if email:
            by_mail = {}
            for field in ("mail", "mail_second"):
                # "like" and an exact comparison here: whether bexio's "=" ignores case is
                # not documented, and e-mail addresses are compared without it.
                for contact in client.contacts.search([(field, email, "like")]):
                    if email in (
                        (contact.mail or "").lower(),
                        (contact.mail_second or "").lower(),
                    ):
                        by_mail[contact.id] = contact
            if len(by_mail) == 1:
                return next(iter(by_mail.values())), None, []
            if by_mail:
                return (
                    None,
                    self.env._(
                        "%s bexio contacts have this e-mail address.", len(by_mail)
                    ),
                    list(by_mail.values()),
                )
        if partner.name:
            by_name = self._same_name(client, partner)
            # A name and the whole postal address are two keys: the same customer, or the
            # contact an attempt whose answer was lost created from this very partner.
            address = self._address_key(self._contact_values(partner))
            by_address = [
                c for c in by_name if address and self._address_key(c) == address
            ]
            if len(by_address) == 1:
                return by_address[0], None, []
            if by_name:
                return (
                    None,
                    self.env._(
                        "bexio has a contact of this name but nothing else confirms it is "
                        "the same customer."
                    ),
                    by_name,
                )
        return None, None, []

    @staticmethod
    def _address_key(contact):
        """Street, number, postcode and city, compared loosely; None without a postcode."""
        get = (
            contact.get if isinstance(contact, dict) else lambda f: getattr(contact, f)
        )
        parts = tuple(
            " ".join(str(get(f) or "").split()).casefold()
            for f in ("street_name", "house_number", "postcode", "city")
        )
        return parts if parts[2] and parts[3] else None

    @api.model
    def _contact_values(self, partner):
        street, number = split_street(partner.street)
        return {
            "name_1": partner.name,
            "street_name": street or None,
            "house_number": number or None,
            "postcode": partner.zip or "",
            "city": partner.city or "",
            "mail": partner.email or "",
        }

    @api.model
    def _store(self, connection, partner, values):
        """Write the link at once, in its own transaction (as the outbox keeps remote ids).

        A contact created in bexio must keep its link when a later step of the push fails;
        otherwise the retry would create it twice.
        """
        self.env.flush_all()
        with self.env.registry.cursor() as cr:
            Binding = self.with_env(self.env(cr=cr, su=True))
            binding = Binding.search(
                [("connection_id", "=", connection.id), ("partner_id", "=", partner.id)]
            )
            if binding:
                binding.write(values)
            else:
                binding = Binding.create(
                    {"connection_id": connection.id, "partner_id": partner.id, **values}
                )
            binding.env.flush_all()
            binding_id = binding.id
        self.invalidate_model()
        return self.sudo().browse(binding_id)

    @api.model
    def _link_imported(self, connection, partners_by_ref):
        """Bind the partners the contact import created ({bexio id: partner}).

        The import creates a partner only for a bexio id it found no link for.
        """
        self.sudo().create(
            [
                {
                    "connection_id": connection.id,
                    "partner_id": partner.id,
                    "bexio_contact_ref": ref,
                }
                for ref, partner in partners_by_ref.items()
            ]
        )

    @api.model
    def _partners_of(self, connection):
        """{bexio id: partner} of the connection's linked partners, archived ones included."""
        bindings = self.sudo().search(
            [("connection_id", "=", connection.id), ("bexio_contact_ref", "!=", 0)]
        )
        return {b.bexio_contact_ref: b.partner_id.with_env(self.env) for b in bindings}

    def _review_message(self):
        self.ensure_one()
        return self.env._(
            "%(partner)s is not sent to bexio yet: %(reason)s Candidates in bexio: "
            '%(candidates)s. A bexio administrator chooses the right contact (or "Create in '
            'bexio") in bexio > Contact links, then retries.',
            partner=self.partner_id.display_name,
            reason=self.review_reason or "",
            candidates=self.candidate_refs or "-",
        )


def _same_name(contact, partner):
    """A contact number names the same customer only if the name agrees too.

    Numbers are per bexio company as well: a shared partner's number may come from another.
    """
    return (contact.display_name or "").strip().casefold() == (
        partner.name or ""
    ).strip().casefold()
