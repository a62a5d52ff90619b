-- Where e-mail notifications go (only when SMTP is configured). Optional: many teachers use only the app.
alter table app_user add column email text;
