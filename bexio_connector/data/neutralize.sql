-- A neutralized copy must not talk to the customer's bexio: drop every secret and stop syncing.
DELETE FROM bexio_token;
UPDATE bexio_connection
   SET oauth_state_nonce = NULL,
       oauth_code_verifier = NULL,
       state = 'disconnected';
UPDATE bexio_outbox SET state = 'cancelled' WHERE state IN ('pending', 'processing');
DELETE FROM ir_config_parameter WHERE key = 'bexio_connector.client_secret';
-- And mark the connections as made elsewhere: signing in again is needed, or an administrator
-- confirms that this is the production database (bexio_connection_status.py).
UPDATE bexio_connection SET bexio_database_uuid = 'neutralized';
