-- Hot spots made before they could close (20261203100001) whose tickets are
-- all closed or cancelled are closed now, as of their last ticket's closing
-- (else their alert), with nobody named: the digest and /hotspots would
-- otherwise follow them for ever.
UPDATE hot_spots SET closed_at = COALESCE(
        (SELECT MAX(th.at) FROM hot_spot_tickets ht
         JOIN ticket_history th ON th.ticket_id = ht.ticket_id
         WHERE ht.hot_spot_id = hot_spots.id AND th.to_status IN ('closed', 'cancelled')),
        alerted_at)
WHERE closed_at IS NULL
  AND NOT EXISTS (
        SELECT 1 FROM hot_spot_tickets ht JOIN tickets t ON t.id = ht.ticket_id
        WHERE ht.hot_spot_id = hot_spots.id AND t.status NOT IN ('closed', 'cancelled'));
