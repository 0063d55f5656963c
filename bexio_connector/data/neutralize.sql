-- A neutralized copy must not talk to the customer's bexio: drop every secret and stop syncing.
UPDATE bexio_connection
   SET access_token = NULL,
       refresh_token = NULL,
       token_expires_at = NULL,
       oauth_state_nonce = NULL,
       oauth_code_verifier = NULL,
       state = 'disconnected';
UPDATE bexio_outbox SET state = 'cancelled' WHERE state IN ('pending', 'processing');
DELETE FROM ir_config_parameter WHERE key = 'bexio_connector.client_secret';
